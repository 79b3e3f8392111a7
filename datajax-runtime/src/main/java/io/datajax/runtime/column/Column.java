package io.datajax.runtime.column;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.error.InternalException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A typed column of values over a primitive array, with an optional null mask. Immutable by contract:
 * the arrays handed to a constructor and returned by accessors belong to the column and must not be
 * written afterwards.
 *
 * <p>The null mask is {@code null} when the column has no nulls; otherwise {@code nulls()[i]} is true
 * where row {@code i} is null. The value stored at a null position is unspecified (usually zero; NaN in a
 * column whose {@link #nullsAreNaN() nulls are its NaNs}), so kernels must check the mask before using it.
 *
 * <p>Widened accessors let one kernel serve several types: {@link #longAt}/{@link #longValues} read
 * BOOLEAN (0/1), INT32, INT64, DATE (epoch days) and TIMESTAMP (epoch micros) as {@code long};
 * {@link #doubleAt}/{@link #doubleValues} read every numeric type and BOOLEAN as {@code double}.
 */
public abstract sealed class Column permits BooleanColumn, IntColumn, LongColumn, DoubleColumn, StringColumn, NullColumn {
    private final DataType type;
    private final int length;
    private final boolean[] nulls;
    /** Whether the null mask is derived from the values on first use (see {@link #nullsAreNaN()}). */
    private final boolean deferredNulls;

    protected Column(DataType type, int length, boolean[] nulls) {
        this(type, length, nulls, false);
    }

    /**
     * A column whose null mask, when {@code deferredNulls}, is not given but built from the values on first
     * use by {@link #deferredNulls()} ({@code nulls} must then be null).
     */
    protected Column(DataType type, int length, boolean[] nulls, boolean deferredNulls) {
        this.type = requireNonNull(type, "type is null");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        if (nulls != null && nulls.length != length) {
            throw new IllegalArgumentException("null mask has " + nulls.length + " entries for " + length + " rows");
        }
        if (deferredNulls && nulls != null) {
            throw new IllegalArgumentException("a deferred null mask is built by the column, not given");
        }
        this.length = length;
        this.nulls = nulls;
        this.deferredNulls = deferredNulls;
    }

    /** The value type. */
    public final DataType type() {
        return type;
    }

    /** The number of rows. */
    public final int length() {
        return length;
    }

    /** Whether the row is null. */
    public final boolean isNull(int row) {
        boolean[] mask = nulls();
        return mask != null && mask[row];
    }

    /** Whether the column may hold nulls (it has a null mask). */
    public final boolean hasNulls() {
        return nulls() != null;
    }

    /** The null mask, or {@code null} when no row is null. Read-only. */
    public final boolean[] nulls() {
        return deferredNulls ? deferredNulls() : nulls;
    }

    /**
     * Whether this column's null rows are exactly its NaN values (a FLOAT64 column read in place from a
     * table that marks missing values with NaN). Its null mask is built on the first call of
     * {@link #nulls()}, {@link #hasNulls()} or {@link #isNull}; readers that treat NaN as null can skip it.
     */
    public final boolean nullsAreNaN() {
        return deferredNulls;
    }

    /** The null mask of a column with a deferred mask, built once on first use; thread-safe. */
    protected boolean[] deferredNulls() {
        throw new InternalException(getClass().getSimpleName() + " has no deferred null mask");
    }

    /** The value as a boxed Java object of the {@link io.datajax.ir.expr.Literal} class for its type, or null. */
    public abstract Object value(int row);

    /** The value of a BOOLEAN, INT32, INT64, DATE or TIMESTAMP row as a long. */
    public long longAt(int row) {
        throw unsupported("long");
    }

    /** The value of a numeric or BOOLEAN row as a double. */
    public double doubleAt(int row) {
        throw unsupported("double");
    }

    /**
     * All values widened to long (see {@link #longAt}); may be the backing array, so read-only.
     */
    public long[] longValues() {
        long[] out = new long[length];
        for (int i = 0; i < length; i++) {
            out[i] = longAt(i);
        }
        return out;
    }

    /** All values widened to double (see {@link #doubleAt}); may be the backing array, so read-only. */
    public double[] doubleValues() {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = doubleAt(i);
        }
        return out;
    }

    /**
     * A new column holding {@code this[rows[i]]} at position {@code i}; a negative row id gives null.
     */
    public abstract Column gather(int[] rows);

    /** The rows of this column followed by those of {@code other}, which has the same type. */
    public abstract Column concat(Column other);

    /** An estimate of the heap bytes this column holds. */
    public long estimatedBytes() {
        return nulls == null ? 0 : length;
    }

    /** Builds the null mask of a gather, or null when no gathered row is null. */
    protected final boolean[] gatherNulls(int[] rows) {
        boolean[] mask = nulls();
        boolean[] out = null;
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            if (row < 0 || (mask != null && mask[row])) {
                if (out == null) {
                    out = new boolean[rows.length];
                }
                out[i] = true;
            }
        }
        return out;
    }

    /** Builds the null mask of a concatenation, or null when neither side has nulls. */
    protected final boolean[] concatNulls(Column other) {
        checkSameType(other);
        boolean[] mine = nulls();
        boolean[] theirs = other.nulls();
        if (mine == null && theirs == null) {
            return null;
        }
        boolean[] out = new boolean[length + other.length];
        if (mine != null) {
            System.arraycopy(mine, 0, out, 0, length);
        }
        if (theirs != null) {
            System.arraycopy(theirs, 0, out, length, other.length);
        }
        return out;
    }

    private void checkSameType(Column other) {
        if (other.type != type) {
            throw new InternalException("cannot concatenate " + type + " and " + other.type + " columns");
        }
    }

    private InternalException unsupported(String as) {
        return new InternalException(getClass().getSimpleName() + " of " + type + " cannot be read as " + as);
    }

    /** A column of {@code length} nulls of the given type. */
    public static Column nulls(DataType type, int length) {
        boolean[] mask = new boolean[length];
        java.util.Arrays.fill(mask, true);
        return switch (type) {
            case BOOLEAN -> new BooleanColumn(new boolean[length], mask);
            case INT32, DATE -> new IntColumn(type, new int[length], mask);
            case INT64, TIMESTAMP -> new LongColumn(type, new long[length], mask);
            case FLOAT64 -> new DoubleColumn(new double[length], mask);
            case STRING -> new StringColumn(new String[length], mask);
            case NULL -> new NullColumn(length);
        };
    }

    /**
     * A column of a long-valued type (BOOLEAN, INT32, INT64, DATE, TIMESTAMP) from widened values; INT32 and
     * DATE values must fit in an int (they are narrowed without a check).
     */
    public static Column ofLongs(DataType type, long[] values, boolean[] nulls) {
        int n = values.length;
        return switch (type) {
            case BOOLEAN -> {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values[i] != 0;
                }
                yield new BooleanColumn(out, nulls);
            }
            case INT32, DATE -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (int) values[i];
                }
                yield new IntColumn(type, out, nulls);
            }
            case INT64, TIMESTAMP -> new LongColumn(type, values, nulls);
            default -> throw new InternalException("type " + type + " is not long-valued");
        };
    }

    /**
     * A column from Java values of the {@link io.datajax.ir.expr.Literal} classes (Boolean, Integer, Long,
     * Double, String, LocalDate, LocalDateTime), {@code null} for null. For tests, literals and slow paths.
     */
    public static Column of(DataType type, List<?> values) {
        int n = values.size();
        boolean[] mask = null;
        for (int i = 0; i < n; i++) {
            if (values.get(i) == null) {
                if (mask == null) {
                    mask = new boolean[n];
                }
                mask[i] = true;
            }
        }
        switch (type) {
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(i) != null && (Boolean) values.get(i);
                }
                return new BooleanColumn(out, mask);
            }
            case INT32: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(i) == null ? 0 : (Integer) values.get(i);
                }
                return new IntColumn(type, out, mask);
            }
            case DATE: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(i) == null ? 0 : Math.toIntExact(((LocalDate) values.get(i)).toEpochDay());
                }
                return new IntColumn(type, out, mask);
            }
            case INT64: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(i) == null ? 0 : (Long) values.get(i);
                }
                return new LongColumn(type, out, mask);
            }
            case TIMESTAMP: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(i) == null ? 0 : toEpochMicros((LocalDateTime) values.get(i));
                }
                return new LongColumn(type, out, mask);
            }
            case FLOAT64: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = values.get(i) == null ? 0 : (Double) values.get(i);
                }
                return new DoubleColumn(out, mask);
            }
            case STRING: {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (String) values.get(i);
                }
                return new StringColumn(out, mask);
            }
            case NULL:
                if (mask == null && n > 0) {
                    throw new IllegalArgumentException("a NULL column holds only nulls");
                }
                return new NullColumn(n);
            default:
                throw new InternalException("unknown type " + type);
        }
    }

    /** A column repeating one value (a Literal-class object, or null) {@code length} times. */
    public static Column constant(DataType type, Object value, int length) {
        if (value == null) {
            return nulls(type, length);
        }
        return of(type, java.util.Collections.nCopies(length, value));
    }

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** Microseconds since 1970-01-01T00:00 of a local date-time (sub-microsecond digits are dropped). */
    public static long toEpochMicros(LocalDateTime value) {
        long days = value.toLocalDate().toEpochDay();
        return Math.addExact(Math.multiplyExact(days, 86_400_000_000L), value.toLocalTime().toNanoOfDay() / 1_000);
    }

    /** The local date-time of microseconds since 1970-01-01T00:00. */
    public static LocalDateTime fromEpochMicros(long micros) {
        return EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
