package io.datajax.runtime.local;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.DoubleColumn;
import io.datajax.runtime.column.IntColumn;
import io.datajax.runtime.column.LongColumn;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.kernel.ValueOrder;
import io.datajax.runtime.vector.ColumnRead;
import io.datajax.runtime.vector.VectorCompiler;
import io.datajax.runtime.vector.VectorExpr;
import io.datajax.runtime.vector.Vec;
import java.util.Arrays;

/**
 * How one group key is turned into {@code long} codes whose order is the key order: long-valued types as
 * their value, BOOLEAN as 0/1, FLOAT64 as an order-preserving bit pattern (NaN highest, {@code -0.0 = 0.0}),
 * STRING as the rank of the value in the column's sorted dictionary. A key may know its code range
 * {@code [min, min + range)} (strings, booleans, and integer columns read directly), which allows dense
 * grouping. Built once per stage, single-threaded; {@link #reader} gives one reader per thread.
 */
final class GroupKey {
    private final Expr expr;
    private final DataType type;
    private final StringColumn strings;
    private final int[] ranks;
    private final String[] sorted;
    final boolean ranged;
    final long min;
    final long range;

    private GroupKey(Expr expr, DataType type, StringColumn strings, int[] ranks, String[] sorted, boolean ranged,
            long min, long range) {
        this.expr = expr;
        this.type = type;
        this.strings = strings;
        this.ranks = ranks;
        this.sorted = sorted;
        this.ranged = ranged;
        this.min = min;
        this.range = range;
    }

    /** The codec of key {@code expr} over the compiler's input; {@code denseRange} caps integer ranges considered. */
    static GroupKey of(Expr expr, VectorCompiler compiler, long maxRange) {
        DataType type = expr.type();
        if (type == DataType.STRING) {
            if (!(expr instanceof ColumnRef ref)) {
                throw new IllegalArgumentException("computed string keys are materialised by the caller");
            }
            ColumnRead read = compiler.read(ref.name());
            StringColumn column = (StringColumn) read.base();
            StringColumn.Dictionary dictionary = column.dictionary();
            String[] distinct = dictionary.strings();
            Integer[] order = new Integer[distinct.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> distinct[a].compareTo(distinct[b]));
            int[] ranks = new int[distinct.length];
            String[] sorted = new String[distinct.length];
            for (int rank = 0; rank < order.length; rank++) {
                ranks[order[rank]] = rank;
                sorted[rank] = distinct[order[rank]];
            }
            return new GroupKey(expr, type, column, ranks, sorted, true, 0, Math.max(1, distinct.length));
        }
        if (type == DataType.BOOLEAN) {
            return new GroupKey(expr, type, null, null, null, true, 0, 2);
        }
        if (type == DataType.NULL) {
            return new GroupKey(expr, type, null, null, null, true, 0, 1);
        }
        if (Vec.Kind.of(type) == Vec.Kind.LONG && expr instanceof ColumnRef ref) {
            Column base = compiler.read(ref.name()).base();
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            boolean[] nulls = base.nulls();
            if (base instanceof LongColumn longs) {
                long[] v = longs.values();
                for (int i = 0; i < v.length; i++) {
                    if (nulls == null || !nulls[i]) {
                        lo = Math.min(lo, v[i]);
                        hi = Math.max(hi, v[i]);
                    }
                }
            } else if (base instanceof IntColumn ints) {
                int[] v = ints.values();
                for (int i = 0; i < v.length; i++) {
                    if (nulls == null || !nulls[i]) {
                        lo = Math.min(lo, v[i]);
                        hi = Math.max(hi, v[i]);
                    }
                }
            }
            if (lo > hi) {
                return new GroupKey(expr, type, null, null, null, true, 0, 1);
            }
            if (hi - lo >= 0 && hi - lo < maxRange) {
                return new GroupKey(expr, type, null, null, null, true, lo, hi - lo + 1);
            }
        }
        return new GroupKey(expr, type, null, null, null, false, 0, 0);
    }

    /** The key type. */
    DataType type() {
        return type;
    }

    /** A reader of codes for one thread. */
    Reader reader(VectorCompiler compiler, int capacity) {
        return new Reader(this, compiler, capacity);
    }

    /** Maps a FLOAT64 value to a long with the same order (ValueOrder) and equality. */
    static long sortableDouble(double value) {
        long bits = ValueOrder.doubleKey(value);
        return bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
    }

    private static double fromSortable(long code) {
        return Double.longBitsToDouble(code ^ ((code >> 63) & 0x7fffffffffffffffL));
    }

    /** The key column of the given codes (ignored where {@code nulls} is set). */
    Column decode(long[] codes, boolean[] nulls) {
        int n = codes.length;
        boolean[] mask = null;
        for (int i = 0; i < n; i++) {
            if (nulls[i]) {
                mask = nulls;
                break;
            }
        }
        switch (type) {
            case STRING -> {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = nulls[i] ? null : sorted[(int) codes[i]];
                }
                return new StringColumn(out, mask);
            }
            case FLOAT64 -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = nulls[i] ? 0 : fromSortable(codes[i]);
                }
                return new DoubleColumn(out, mask);
            }
            case BOOLEAN -> {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = !nulls[i] && codes[i] != 0;
                }
                return new BooleanColumn(out, mask);
            }
            case NULL -> {
                return Column.nulls(DataType.NULL, n);
            }
            default -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = nulls[i] ? 0 : codes[i];
                }
                return Column.ofLongs(type, out, mask);
            }
        }
    }

    /** Reads key codes of selected rows; one per thread. */
    static final class Reader {
        private final GroupKey key;
        private final ColumnRead stringRead;
        private final int[] stringCodes;
        private final boolean[] stringNulls;
        private final VectorExpr value;
        private final Vec vec;
        /** Codes of the last vector read. */
        final long[] codes;
        /** Null flags of the last vector read, valid when {@link #hasNulls}. */
        final boolean[] nulls;
        boolean hasNulls;

        Reader(GroupKey key, VectorCompiler compiler, int capacity) {
            this.key = key;
            codes = new long[capacity];
            nulls = new boolean[capacity];
            if (key.type == DataType.STRING) {
                stringRead = compiler.read(((ColumnRef) key.expr).name());
                stringCodes = key.strings.dictionary().codes();
                stringNulls = key.strings.nulls();
                value = null;
                vec = null;
            } else {
                stringRead = null;
                stringCodes = null;
                stringNulls = null;
                value = compiler.compile(key.expr);
                vec = value.newVec(capacity);
            }
        }

        void read(int[] sel, int n) {
            if (stringRead != null) {
                readStrings(sel, n);
                return;
            }
            value.eval(sel, n, vec);
            hasNulls = vec.hasNulls;
            if (hasNulls) {
                System.arraycopy(vec.nulls, 0, nulls, 0, n);
            }
            switch (value.kind()) {
                case LONG -> System.arraycopy(vec.longs, 0, codes, 0, n);
                case BOOL -> {
                    for (int i = 0; i < n; i++) {
                        codes[i] = vec.bools[i] ? 1 : 0;
                    }
                }
                case DOUBLE -> {
                    for (int i = 0; i < n; i++) {
                        codes[i] = sortableDouble(vec.doubles[i]);
                    }
                }
                case NULL -> {
                    Arrays.fill(codes, 0, n, 0);
                    Arrays.fill(nulls, 0, n, true);
                    hasNulls = true;
                }
                case STRING -> throw new IllegalStateException("string keys are read by rank");
            }
            if (hasNulls) {
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        codes[i] = 0;
                    }
                }
            }
        }

        private void readStrings(int[] sel, int n) {
            int[] rows = stringRead.physicalRows(sel, n);
            int[] ranks = key.ranks;
            int[] dictCodes = stringCodes;
            boolean missing = stringRead.mapMisses();
            hasNulls = stringNulls != null || missing;
            for (int i = 0; i < n; i++) {
                int row = rows[i];
                boolean isNull = row < 0 || (stringNulls != null && stringNulls[row]);
                nulls[i] = isNull;
                codes[i] = isNull ? 0 : ranks[dictCodes[row]];
            }
        }
    }
}
