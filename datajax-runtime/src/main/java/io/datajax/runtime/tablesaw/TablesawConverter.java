package io.datajax.runtime.tablesaw;

import io.datajax.api.trace.TablesawSchemas;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.kernel.RuntimeErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.NullDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

/**
 * Converts Tablesaw tables to {@link Batch}es and back. Tablesaw's missing values are DataJax nulls. The
 * caller's table is never modified. Input columns may share the table's arrays: a {@code DoubleColumn},
 * {@code IntColumn} or {@code LongColumn} with no missing value whose array holds exactly its values is
 * read in place (see {@link BackingArrays}), with no null mask; like every column's arrays, such an array
 * is read-only. Output tables are built from copies, never from a batch's arrays, so a result never
 * shares memory with an input.
 *
 * <p>Type mapping: {@code IntColumn} and {@code ShortColumn} read as INT32, {@code LongColumn} as INT64,
 * {@code DoubleColumn} and {@code FloatColumn} as FLOAT64, {@code BooleanColumn} as BOOLEAN,
 * {@code StringColumn} as STRING, {@code DateColumn} as DATE, {@code DateTimeColumn} as TIMESTAMP. Output
 * writes INT32, INT64, FLOAT64, BOOLEAN, STRING, DATE and TIMESTAMP to the {@code IntColumn},
 * {@code LongColumn}, {@code DoubleColumn}, {@code BooleanColumn}, {@code StringColumn}, {@code DateColumn}
 * and {@code DateTimeColumn} of the same name, in schema order.
 *
 * <p>Tablesaw limitations (Tablesaw marks missing values with sentinels, so some values cannot be told
 * apart from missing there; within DataJax they stay distinct):
 * <ul>
 *   <li>NaN: a Tablesaw {@code DoubleColumn} treats NaN as missing, so a NaN read from Tablesaw becomes
 *       null, and a NaN DataJax computes (e.g. {@code 0.0 / 0.0}) shows as missing in the output table;</li>
 *   <li>the empty string is Tablesaw's missing string: every {@code ""} reads as null (also one set with
 *       {@code setMissing}, which Tablesaw 0.44 does not report through {@code isMissing}), and a computed
 *       {@code ""} shows as missing;</li>
 *   <li>{@link Integer#MIN_VALUE} (INT32) and {@link Long#MIN_VALUE} (INT64) are Tablesaw's missing
 *       markers: they read as null and show as missing;</li>
 *   <li>{@code DateTimeColumn} holds milliseconds, so TIMESTAMP output is truncated toward the past to the
 *       millisecond (DataJax computes in microseconds).</li>
 * </ul>
 */
public final class TablesawConverter {
    private TablesawConverter() {
    }

    /** The DataJax type a Tablesaw column reads as (the API's mapping, matched by type name). */
    public static DataType typeOf(tech.tablesaw.columns.Column<?> column) {
        return TablesawSchemas.find(column.type())
                .orElseThrow(() -> RuntimeErrors.unsupportedTablesawColumn(column.name(), column.type().name()));
    }

    /** The schema a table reads as; every field nullable. */
    public static Schema schemaOf(Table table) {
        List<Field> fields = new ArrayList<>(table.columnCount());
        for (tech.tablesaw.columns.Column<?> column : table.columns()) {
            fields.add(Field.of(column.name(), typeOf(column)));
        }
        return new Schema(fields);
    }

    /** A batch of the table's data (numbers may be read in place, see the class comment); the table is not modified. */
    public static Batch toBatch(Table table) {
        return toBatch(table, (task, count) -> {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        });
    }

    /**
     * As {@link #toBatch(Table)}, converting the columns as {@code count} independent tasks run by
     * {@code runner} (which may run them in parallel and must return when all are done).
     */
    public static Batch toBatch(Table table, java.util.function.ObjIntConsumer<java.util.function.IntConsumer> runner) {
        Schema schema = schemaOf(table);
        int[] all = new int[table.columnCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Column[] columns = toColumns(table, all, 1, runner);
        return new Batch(schema, List.of(columns), table.rowCount());
    }

    /**
     * The table's columns at {@code indexes}, converted (the result has one entry per table column; the others
     * stay null). Numeric and date columns are split into {@code ranges} row ranges; every (column, range)
     * is an independent task run by {@code runner}, which may run them in parallel and must return when all
     * are done. The result does not depend on {@code ranges}.
     */
    public static Column[] toColumns(Table table, int[] indexes, int ranges,
            java.util.function.ObjIntConsumer<java.util.function.IntConsumer> runner) {
        int n = table.rowCount();
        Column[] columns = new Column[table.columnCount()];
        RangeConverter[] converters = new RangeConverter[indexes.length];
        int[] firstTask = new int[indexes.length + 1];
        int[] partsOf = new int[indexes.length];
        int parts = Math.max(1, Math.min(ranges, n / 65_536));
        for (int c = 0; c < indexes.length; c++) {
            converters[c] = RangeConverter.of(table.column(indexes[c]));
            // Plain numbers are one bulk array copy (a memcpy, fastest whole); dates cost arithmetic per row
            // and gain from being split across threads.
            partsOf[c] = converters[c] != null && converters[c].splits() ? parts : 1;
            firstTask[c + 1] = firstTask[c] + partsOf[c];
        }
        runner.accept(task -> {
            int c = 0;
            while (firstTask[c + 1] <= task) {
                c++;
            }
            RangeConverter converter = converters[c];
            if (converter == null) {
                columns[indexes[c]] = toColumn(table.column(indexes[c]));
            } else {
                int part = task - firstTask[c];
                int of = partsOf[c];
                converter.convert((int) ((long) n * part / of), (int) ((long) n * (part + 1) / of));
            }
        }, firstTask[indexes.length]);
        for (int c = 0; c < indexes.length; c++) {
            if (converters[c] != null) {
                columns[indexes[c]] = converters[c].finish();
            }
        }
        return columns;
    }

    private static final int MONTHS_FROM_YEAR = 1600;
    /** Epoch day of the first of each month of the years 1600-2599, so a date costs an array read. */
    private static final int[] MONTH_STARTS = new int[1000 * 12];

    static {
        for (int m = 0; m < MONTH_STARTS.length; m++) {
            MONTH_STARTS[m] = epochDayOfPacked(((MONTHS_FROM_YEAR + m / 12) << 16) | ((m % 12 + 1) << 8) | 1);
        }
    }

    /**
     * Days since 1970-01-01 of a Tablesaw packed date ({@code year << 16 | month << 8 | day}), by arithmetic
     * (H. Hinnant's days-from-civil), with no LocalDate.
     */
    public static int epochDayOfPacked(int packed) {
        int y = packed >> 16;
        int m = (packed >> 8) & 0xff;
        int d = packed & 0xff;
        y -= m <= 2 ? 1 : 0;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * Converts one numeric or date column, range by range (ranges may run on different threads; each reads and
     * writes only its own rows), then {@link #finish()} builds the column on the calling thread.
     *
     * <p>Numbers are used in place when {@link BackingArrays} can read the table's own array: a double column
     * always (its NaNs are its nulls, found only when a reader asks), an int or long column when no row is
     * missing (the ranges scan for Tablesaw's sentinel; the column has no null mask). Shared arrays are
     * read-only, as every column's arrays are, and outputs are always copied. An int or long column with a
     * missing row, or one whose array cannot be read in place, is copied, with zero at its null rows.
     */
    private abstract static sealed class RangeConverter {
        final int n;
        private volatile boolean[] nulls;

        RangeConverter(int n) {
            this.n = n;
        }

        static RangeConverter of(tech.tablesaw.columns.Column<?> column) {
            if (column instanceof tech.tablesaw.api.DoubleColumn doubles) {
                return new Doubles(doubles);
            }
            if (column instanceof tech.tablesaw.api.LongColumn longs) {
                return new Longs(longs);
            }
            if (column instanceof tech.tablesaw.api.IntColumn ints) {
                return new Ints(ints);
            }
            if (column instanceof DateColumn dates) {
                return new Dates(dates);
            }
            return null;
        }

        final boolean[] nulls() {
            boolean[] mask = nulls;
            if (mask == null) {
                synchronized (this) {
                    mask = nulls;
                    if (mask == null) {
                        mask = new boolean[n];
                        nulls = mask;
                    }
                }
            }
            return mask;
        }

        final boolean[] mask() {
            return nulls;
        }

        abstract void convert(int from, int to);

        abstract Column finish();

        /**
         * Whether converting in several row ranges pays: scans in place and date arithmetic do; a copy is one
         * bulk array copy, fastest whole.
         */
        abstract boolean splits();

        /** The column converted whole, on the calling thread. */
        final Column convertWhole() {
            convert(0, n);
            return finish();
        }

        /**
         * Doubles are never scanned here: the column's nulls are its NaNs (Tablesaw's missing value), and its
         * mask is built only if a reader asks for it ({@link DoubleColumn#withNaNAsNull}).
         */
        private static final class Doubles extends RangeConverter {
            private final tech.tablesaw.api.DoubleColumn source;
            private double[] values;

            Doubles(tech.tablesaw.api.DoubleColumn source) {
                super(source.size());
                this.source = source;
            }

            @Override
            boolean splits() {
                return false;
            }

            @Override
            void convert(int from, int to) {
                // the table's own array when it can stand for the column, else Tablesaw's bulk copy
                double[] shared = BackingArrays.doubles(source);
                values = shared != null ? shared : source.asDoubleArray();
            }

            @Override
            Column finish() {
                return DoubleColumn.withNaNAsNull(values);
            }
        }

        private static final class Longs extends RangeConverter {
            private final tech.tablesaw.api.LongColumn source;
            /** The table's own array, read in place; null when it cannot be. Never written. */
            private final long[] shared;
            private volatile boolean sharedHasMissing;
            private long[] values;

            Longs(tech.tablesaw.api.LongColumn source) {
                super(source.size());
                this.source = source;
                this.shared = BackingArrays.longs(source);
            }

            @Override
            boolean splits() {
                return shared != null;
            }

            @Override
            void convert(int from, int to) {
                if (shared != null) {
                    if (SentinelScan.anyEqual(shared, from, to, Long.MIN_VALUE)) {
                        sharedHasMissing = true;
                    }
                } else {
                    values = source.asLongArray();
                    if (SentinelScan.anyEqual(values, 0, n, Long.MIN_VALUE)) {
                        zeroMissing(values);
                    }
                }
            }

            private void zeroMissing(long[] v) {
                boolean[] mask = nulls();
                for (int i = 0; i < n; i++) {
                    if (v[i] == Long.MIN_VALUE) {
                        mask[i] = true;
                        v[i] = 0;
                    }
                }
            }

            @Override
            Column finish() {
                if (shared != null) {
                    if (!sharedHasMissing) {
                        return new LongColumn(DataType.INT64, shared, null);
                    }
                    values = shared.clone();
                    zeroMissing(values);
                }
                return new LongColumn(DataType.INT64, values, mask());
            }
        }

        private static final class Ints extends RangeConverter {
            private final tech.tablesaw.api.IntColumn source;
            /** The table's own array, read in place; null when it cannot be. Never written. */
            private final int[] shared;
            private volatile boolean sharedHasMissing;
            private int[] values;

            Ints(tech.tablesaw.api.IntColumn source) {
                super(source.size());
                this.source = source;
                this.shared = BackingArrays.ints(source);
            }

            @Override
            boolean splits() {
                return shared != null;
            }

            @Override
            void convert(int from, int to) {
                if (shared != null) {
                    if (SentinelScan.anyEqual(shared, from, to, Integer.MIN_VALUE)) {
                        sharedHasMissing = true;
                    }
                } else {
                    values = source.asIntArray();
                    if (SentinelScan.anyEqual(values, 0, n, Integer.MIN_VALUE)) {
                        zeroMissing(values);
                    }
                }
            }

            private void zeroMissing(int[] v) {
                boolean[] mask = nulls();
                for (int i = 0; i < n; i++) {
                    if (v[i] == Integer.MIN_VALUE) {
                        mask[i] = true;
                        v[i] = 0;
                    }
                }
            }

            @Override
            Column finish() {
                if (shared != null) {
                    if (!sharedHasMissing) {
                        return new IntColumn(DataType.INT32, shared, null);
                    }
                    values = shared.clone();
                    zeroMissing(values);
                }
                return new IntColumn(DataType.INT32, values, mask());
            }
        }

        /** Dates are always converted (packed year/month/day to epoch days), reading the packed array in place. */
        private static final class Dates extends RangeConverter {
            private final DateColumn source;
            private final int[] packed;
            private final int[] values;

            Dates(DateColumn source) {
                super(source.size());
                this.source = source;
                this.packed = BackingArrays.packedDates(source);
                this.values = new int[n];
            }

            @Override
            boolean splits() {
                return true;
            }

            @Override
            void convert(int from, int to) {
                int[] p = packed;
                if (p == null) {
                    p = new int[to - from];
                    for (int i = from; i < to; i++) {
                        p[i - from] = source.getIntInternal(i);
                    }
                    convert(p, -from, from, to);
                } else {
                    convert(p, 0, from, to);
                }
            }

            /** Rows {@code [from, to)}, whose packed dates are at {@code p[row + shift]}. */
            private void convert(int[] p, int shift, int from, int to) {
                int[] v = values;
                int[] monthStarts = MONTH_STARTS;
                boolean[] mask = null;
                for (int i = from; i < to; i++) {
                    int date = p[i + shift];
                    int month = ((date >> 16) - MONTHS_FROM_YEAR) * 12 + ((date >> 8) & 0xff) - 1;
                    if (month >= 0 && month < monthStarts.length) {
                        v[i] = monthStarts[month] + (date & 0xff) - 1;
                    } else if (date == Integer.MIN_VALUE) {
                        mask = mask == null ? nulls() : mask;
                        mask[i] = true;
                        v[i] = 0;
                    } else {
                        v[i] = epochDayOfPacked(date);
                    }
                }
            }

            @Override
            Column finish() {
                return new IntColumn(DataType.DATE, values, mask());
            }
        }
    }

    /**
     * One Tablesaw column's data. Numbers are scanned once for Tablesaw's missing sentinels and read in place
     * when there is none (else copied in bulk); strings are read through Tablesaw's dictionary, so each
     * distinct string is looked at once and the result is dictionary-encoded.
     */
    public static Column toColumn(tech.tablesaw.columns.Column<?> column) {
        RangeConverter converter = RangeConverter.of(column);
        if (converter != null) {
            return converter.convertWhole();
        }
        int n = column.size();
        DataType type = typeOf(column);
        switch (type) {
            case INT32: {
                ShortColumn shorts = (ShortColumn) column;
                boolean[] nulls = missingMask(column);
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : shorts.getShort(i);
                }
                return new IntColumn(type, values, nulls);
            }
            case FLOAT64: {
                FloatColumn floats = (FloatColumn) column;
                double[] values = new double[n];
                boolean[] nulls = null;
                for (int i = 0; i < n; i++) {
                    double x = floats.getFloat(i);
                    if (x != x) {
                        nulls = nulls == null ? new boolean[n] : nulls;
                        nulls[i] = true;
                    } else {
                        values[i] = x;
                    }
                }
                return new DoubleColumn(values, nulls);
            }
            case BOOLEAN: {
                tech.tablesaw.api.BooleanColumn booleans = (tech.tablesaw.api.BooleanColumn) column;
                boolean[] values = new boolean[n];
                boolean[] nulls = null;
                for (int i = 0; i < n; i++) {
                    byte b = booleans.getByte(i);
                    if (tech.tablesaw.api.BooleanColumn.valueIsMissing(b)) {
                        nulls = nulls == null ? new boolean[n] : nulls;
                        nulls[i] = true;
                    } else {
                        values[i] = b == (byte) 1;
                    }
                }
                return new BooleanColumn(values, nulls);
            }
            case STRING:
                return strings((tech.tablesaw.api.StringColumn) column);
            case TIMESTAMP: {
                boolean[] nulls = missingMask(column);
                DateTimeColumn times = (DateTimeColumn) column;
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = nulls != null && nulls[i] ? 0
                            : Column.toEpochMicros(PackedLocalDateTime.asLocalDateTime(times.getLongInternal(i)));
                }
                return new LongColumn(type, values, nulls);
            }
            default:
                throw new InternalException("unmapped type " + type);
        }
    }

    /**
     * A dictionary-encoded copy of a string column, read through Tablesaw's own dictionary. Tablesaw stores a
     * missing string as "" but StringColumn.setMissing does not make isMissing true (0.44.4), so "" itself
     * (or a null) is what marks a missing string here.
     */
    private static StringColumn strings(tech.tablesaw.api.StringColumn column) {
        int n = column.size();
        DictionaryMap dictionary = column.getDictionary();
        if (dictionary instanceof ByteDictionaryMap bytes && bytes.values().size() == n) {
            return byteKeyed(bytes, bytes.values().elements(), n);
        }
        int[] keys = dictionaryKeys(dictionary, n);
        if (keys == null) {
            return slowStrings(column);
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, keys[i]);
            hi = Math.max(hi, keys[i]);
        }
        long span = lo <= hi ? (long) hi - lo + 1 : 0;
        if (span > 4L * n + 1024) {
            return slowStrings(column);
        }
        int[] codeOfKey = new int[(int) span];
        java.util.Arrays.fill(codeOfKey, UNSEEN);
        DictionaryCodes codes = new DictionaryCodes(dictionary);
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            int slot = keys[i] - lo;
            int code = codeOfKey[slot];
            if (code < 0) {
                if (code == UNSEEN) {
                    code = codes.codeOf(keys[i]);
                    codeOfKey[slot] = code;
                }
                if (code == MISSING) {
                    nulls = nulls == null ? new boolean[n] : nulls;
                    nulls[i] = true;
                    code = 0;
                }
            }
            keys[i] = code;
        }
        return new StringColumn(new StringColumn.Dictionary(keys, codes.distinct()), nulls);
    }

    /**
     * A string column whose Tablesaw dictionary has byte keys (up to 127 distinct strings): one pass over the
     * key array, through a code table indexed by the key.
     */
    private static StringColumn byteKeyed(ByteDictionaryMap dictionary, byte[] k, int n) {
        int[] codeOfKey = new int[256];
        java.util.Arrays.fill(codeOfKey, UNSEEN);
        DictionaryCodes codes = new DictionaryCodes(dictionary);
        int[] out = new int[n];
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            int slot = k[i] & 0xff;
            int code = codeOfKey[slot];
            if (code < 0) {
                if (code == UNSEEN) {
                    code = codes.codeOf(k[i]);
                    codeOfKey[slot] = code;
                }
                if (code == MISSING) {
                    nulls = nulls == null ? new boolean[n] : nulls;
                    nulls[i] = true;
                    code = 0;
                }
            }
            out[i] = code;
        }
        return new StringColumn(new StringColumn.Dictionary(out, codes.distinct()), nulls);
    }

    private static final int UNSEEN = -2;
    private static final int MISSING = -1;

    /**
     * Each row's key in a Tablesaw string dictionary, read in bulk from the dictionary's public key list where
     * it has one; null when the column has no dictionary (Tablesaw drops it for high-cardinality columns).
     */
    private static int[] dictionaryKeys(DictionaryMap dictionary, int n) {
        if (dictionary instanceof ShortDictionaryMap shorts && shorts.values().size() == n) {
            short[] k = shorts.values().elements();
            int[] keys = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = k[i];
            }
            return keys;
        }
        if (dictionary instanceof IntDictionaryMap ints && ints.values().size() == n) {
            return java.util.Arrays.copyOf(ints.values().elements(), n);
        }
        if (dictionary instanceof NullDictionaryMap) {
            return null;
        }
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = dictionary.getKeyForIndex(i);
        }
        return keys;
    }

    /** Codes of a Tablesaw dictionary's keys in first-seen order, equal strings sharing one code. */
    private static final class DictionaryCodes {
        private final DictionaryMap dictionary;
        private final List<String> distinct = new ArrayList<>();
        private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

        DictionaryCodes(DictionaryMap dictionary) {
            this.dictionary = dictionary;
        }

        /** The code of a key, or {@link #MISSING} for Tablesaw's missing string. */
        int codeOf(int key) {
            String value = dictionary.getValueForKey(key);
            if (value == null || value.isEmpty()) {
                return MISSING;
            }
            Integer existing = seen.putIfAbsent(value, distinct.size());
            if (existing != null) {
                return existing;
            }
            distinct.add(value);
            return distinct.size() - 1;
        }

        String[] distinct() {
            return distinct.toArray(new String[0]);
        }
    }

    private static StringColumn slowStrings(tech.tablesaw.api.StringColumn strings) {
        int n = strings.size();
        boolean[] nulls = null;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            String value = strings.get(i);
            if (value == null || value.isEmpty()) {
                nulls = nulls == null ? new boolean[n] : nulls;
                nulls[i] = true;
            } else {
                values[i] = value;
            }
        }
        return new StringColumn(values, nulls);
    }

    /** A new Tablesaw table named {@code name} with the batch's columns, names and types, in schema order. */
    public static Table toTable(String name, Batch batch) {
        List<tech.tablesaw.columns.Column<?>> columns = new ArrayList<>(batch.schema().size());
        for (int i = 0; i < batch.schema().size(); i++) {
            columns.add(toTablesawColumn(batch.schema().field(i).name(), batch.column(i)));
        }
        return Table.create(name, columns);
    }

    /** A new Tablesaw column with a copy of the column's data (never sharing its arrays); nulls become missing values. */
    public static tech.tablesaw.columns.Column<?> toTablesawColumn(String name, Column column) {
        int n = column.length();
        switch (column.type()) {
            case INT32: {
                // Bulk copies with Tablesaw's missing sentinels written in, no per-row calls. The copy is ours
                // (whatever Tablesaw's create does), so an output never holds a batch's array, which may be an
                // input table's own.
                int[] values = ((IntColumn) column).values().clone();
                boolean[] nulls = column.nulls();
                if (nulls != null) {
                    for (int i = 0; i < n; i++) {
                        values[i] = nulls[i] ? Integer.MIN_VALUE : values[i];
                    }
                }
                return tech.tablesaw.api.IntColumn.create(name, values);
            }
            case INT64: {
                long[] values = ((LongColumn) column).values().clone();
                boolean[] nulls = column.nulls();
                if (nulls != null) {
                    for (int i = 0; i < n; i++) {
                        values[i] = nulls[i] ? Long.MIN_VALUE : values[i];
                    }
                }
                return tech.tablesaw.api.LongColumn.create(name, values);
            }
            case FLOAT64: {
                double[] values = ((DoubleColumn) column).values().clone();
                boolean[] nulls = column.nulls();
                if (nulls != null) {
                    for (int i = 0; i < n; i++) {
                        values[i] = nulls[i] ? Double.NaN : values[i];
                    }
                }
                return tech.tablesaw.api.DoubleColumn.create(name, values);
            }
            case BOOLEAN: {
                tech.tablesaw.api.BooleanColumn out = tech.tablesaw.api.BooleanColumn.create(name);
                boolean[] values = ((BooleanColumn) column).values();
                for (int i = 0; i < n; i++) {
                    if (column.isNull(i)) {
                        out.appendMissing();
                    } else {
                        out.append(values[i]);
                    }
                }
                return out;
            }
            case STRING: {
                // appendMissing (unlike setMissing) makes Tablesaw's isMissing true.
                tech.tablesaw.api.StringColumn out = tech.tablesaw.api.StringColumn.create(name);
                String[] values = ((StringColumn) column).values();
                for (int i = 0; i < n; i++) {
                    if (column.isNull(i)) {
                        out.appendMissing();
                    } else {
                        out.append(values[i]);
                    }
                }
                return out;
            }
            case DATE: {
                int[] days = ((IntColumn) column).values();
                int[] packed = new int[n];
                for (int i = 0; i < n; i++) {
                    packed[i] = column.isNull(i) ? Integer.MIN_VALUE : PackedLocalDate.pack(LocalDate.ofEpochDay(days[i]));
                }
                return DateColumn.createInternal(name, packed);
            }
            case TIMESTAMP: {
                long[] micros = ((LongColumn) column).values();
                long[] packed = new long[n];
                for (int i = 0; i < n; i++) {
                    packed[i] = column.isNull(i) ? Long.MIN_VALUE
                            : PackedLocalDateTime.pack(Column.fromEpochMicros(Math.floorDiv(micros[i], 1000L) * 1000L));
                }
                return DateTimeColumn.createInternal(name, packed);
            }
            default:
                throw new InternalException("column '" + name + "' of type " + column.type() + " cannot be output");
        }
    }

    private static boolean[] missingMask(tech.tablesaw.columns.Column<?> column) {
        boolean[] mask = null;
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                if (mask == null) {
                    mask = new boolean[column.size()];
                }
                mask[i] = true;
            }
        }
        return mask;
    }

}
