package io.datajax.runtime.local;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinColumn;
import io.datajax.ir.plan.JoinType;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.Relation;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.kernel.CastKernel;
import io.datajax.runtime.kernel.LongHashTable;
import io.datajax.runtime.kernel.LongTupleHashTable;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.kernel.ValueOrder;
import io.datajax.runtime.vector.ColumnRead;
import io.datajax.runtime.vector.Vec;
import io.datajax.runtime.vector.VectorCompiler;
import io.datajax.runtime.vector.VectorExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hash join built on the right input and probed with the left, chunk-parallel, for every
 * {@link JoinType}. Keys compare as long codes after promotion to {@link Join#keyTypes()} (FLOAT64 by its
 * ValueOrder key, strings by the right side's dictionary code); null keys never match unless
 * {@link Join#nullsEqual()}. The table is {@code head}/{@code next} int arrays chaining right rows in
 * order; {@code head} is indexed directly by {@code key - min} when one integer key has a small range,
 * else through an open-addressing table.
 *
 * <p>The result is a {@link Relation} of views: the left and right columns are not copied, only the row-id
 * vectors are built (and the left one not even that when every left row yields exactly one output row).
 * Order: left rows in order, each followed by its matches in right order, then unmatched right rows.
 */
final class JoinExec {
    private static final int NONE = -1;

    private final Join join;
    private final Relation left;
    private final Relation right;
    private final ExecOptions options;
    private final Parallel parallel;
    private final List<DataType> keyTypes;
    private final int keyCount;
    private int[] head;
    private int[] next;
    private long denseMin;
    private LongHashTable single;
    private LongTupleHashTable tuples;
    private int nullHead = NONE;
    /** Whether some build key (or the null key, when nulls match) has several rows. */
    private boolean duplicates;
    private int[][] translations;

    JoinExec(Join join, Relation left, Relation right, ExecOptions options, Parallel parallel) {
        this.join = join;
        this.left = left;
        this.right = right;
        this.options = options;
        this.parallel = parallel;
        this.keyTypes = join.keyTypes();
        this.keyCount = keyTypes.size();
    }

    Relation run(MemoryMeter meter) {
        VectorCompiler rightCompiler = new VectorCompiler(right);
        VectorCompiler leftCompiler = new VectorCompiler(left);
        prepareStringKeys(leftCompiler, rightCompiler);
        build(rightCompiler);
        meter.add(4L * (head.length + next.length) + (single == null ? 0 : single.estimatedBytes())
                + (tuples == null ? 0 : tuples.estimatedBytes()));
        JoinType type = join.type();
        int rows = left.rowCount();
        int chunks = options.chunks(rows);
        boolean[] rightMatched = type.keepsUnmatchedRight() ? new boolean[right.rowCount()] : null;
        Output[] outputs = new Output[chunks];
        parallel.run(chunks, chunk -> outputs[chunk] = probe(leftCompiler, ExecOptions.chunkStart(rows, chunks, chunk),
                ExecOptions.chunkStart(rows, chunks, chunk + 1), rightMatched));
        boolean leftIdentity = !type.keepsUnmatchedRight();
        int total = 0;
        for (Output output : outputs) {
            leftIdentity &= output.oneEach;
            total += output.size;
        }
        int extra = 0;
        if (rightMatched != null) {
            for (boolean matched : rightMatched) {
                extra += matched ? 0 : 1;
            }
        }
        int[] leftRows = leftIdentity ? null : new int[total + extra];
        int[] rightRows = type.outputsRight() ? new int[total + extra] : null;
        int offset = 0;
        for (Output output : outputs) {
            if (leftRows != null) {
                System.arraycopy(output.left, 0, leftRows, offset, output.size);
            }
            if (rightRows != null) {
                System.arraycopy(output.right, 0, rightRows, offset, output.size);
            }
            offset += output.size;
        }
        if (rightMatched != null) {
            for (int row = 0; row < rightMatched.length; row++) {
                if (!rightMatched[row]) {
                    leftRows[offset] = -1;
                    rightRows[offset] = row;
                    offset++;
                }
            }
        }
        int outRows = total + extra;
        meter.add(4L * ((leftRows == null ? 0 : outRows) + (rightRows == null ? 0 : outRows)));
        Relation out = assemble(leftRows, rightRows, outRows);
        meter.add(out.mapBytes());
        return out;
    }

    private void prepareStringKeys(VectorCompiler leftCompiler, VectorCompiler rightCompiler) {
        translations = new int[keyCount][];
        for (int k = 0; k < keyCount; k++) {
            if (keyTypes.get(k) != DataType.STRING) {
                continue;
            }
            StringColumn rightColumn = (StringColumn) rightCompiler.read(join.rightKeys().get(k)).base();
            StringColumn leftColumn = (StringColumn) leftCompiler.read(join.leftKeys().get(k)).base();
            String[] rightStrings = rightColumn.dictionary().strings();
            Map<String, Integer> codes = new HashMap<>(rightStrings.length * 2);
            for (int i = 0; i < rightStrings.length; i++) {
                codes.put(rightStrings[i], i);
            }
            String[] leftStrings = leftColumn.dictionary().strings();
            int[] translation = new int[leftStrings.length];
            for (int i = 0; i < leftStrings.length; i++) {
                translation[i] = codes.getOrDefault(leftStrings[i], -1);
            }
            translations[k] = translation;
        }
    }

    /** Reads key codes of one side for one thread. */
    private final class KeyReader {
        private final ColumnRead[] reads;
        private final int[][] dictCodes;
        private final int[][] translate;
        private final boolean[][] baseNulls;
        private final VectorExpr[] values;
        private final Vec[] vecs;
        final long[][] codes;
        final boolean[][] nulls;
        final boolean[] hasNulls;

        KeyReader(VectorCompiler compiler, List<String> names, boolean probeSide, int capacity) {
            reads = new ColumnRead[keyCount];
            dictCodes = new int[keyCount][];
            translate = new int[keyCount][];
            baseNulls = new boolean[keyCount][];
            values = new VectorExpr[keyCount];
            vecs = new Vec[keyCount];
            codes = new long[keyCount][capacity];
            nulls = new boolean[keyCount][capacity];
            hasNulls = new boolean[keyCount];
            for (int k = 0; k < keyCount; k++) {
                DataType type = keyTypes.get(k);
                if (type == DataType.STRING) {
                    reads[k] = compiler.read(names.get(k));
                    StringColumn column = (StringColumn) reads[k].base();
                    dictCodes[k] = column.dictionary().codes();
                    baseNulls[k] = column.nulls();
                    translate[k] = probeSide ? translations[k] : null;
                } else {
                    ColumnRef ref = new ColumnRef(names.get(k), compiler.input().schema().field(names.get(k)).type(), true);
                    values[k] = compiler.compile(ref, type);
                    vecs[k] = values[k].newVec(capacity);
                }
            }
        }

        void read(int[] sel, int n) {
            for (int k = 0; k < keyCount; k++) {
                long[] out = codes[k];
                boolean[] isNull = nulls[k];
                if (reads[k] != null) {
                    int[] rows = reads[k].physicalRows(sel, n);
                    int[] dc = dictCodes[k];
                    int[] tr = translate[k];
                    boolean[] bn = baseNulls[k];
                    boolean missing = reads[k].mapMisses();
                    hasNulls[k] = bn != null || missing;
                    for (int i = 0; i < n; i++) {
                        int row = rows[i];
                        boolean rowNull = row < 0 || (bn != null && bn[row]);
                        isNull[i] = rowNull;
                        out[i] = rowNull ? 0 : tr == null ? dc[row] : tr[dc[row]];
                    }
                    continue;
                }
                Vec vec = vecs[k];
                values[k].eval(sel, n, vec);
                hasNulls[k] = vec.hasNulls;
                if (vec.hasNulls) {
                    System.arraycopy(vec.nulls, 0, isNull, 0, n);
                }
                switch (values[k].kind()) {
                    case LONG -> System.arraycopy(vec.longs, 0, out, 0, n);
                    case DOUBLE -> {
                        for (int i = 0; i < n; i++) {
                            out[i] = ValueOrder.doubleKey(vec.doubles[i]);
                        }
                    }
                    case BOOL -> {
                        for (int i = 0; i < n; i++) {
                            out[i] = vec.bools[i] ? 1 : 0;
                        }
                    }
                    default -> {
                        Arrays.fill(isNull, 0, n, true);
                        hasNulls[k] = true;
                    }
                }
            }
        }

        boolean anyNull(int i) {
            for (int k = 0; k < keyCount; k++) {
                if (hasNulls[k] && nulls[k][i]) {
                    return true;
                }
            }
            return false;
        }

        long nullBits(int i) {
            long bits = 0;
            for (int k = 0; k < keyCount; k++) {
                if (hasNulls[k] && nulls[k][i]) {
                    bits |= 1L << k;
                }
            }
            return bits;
        }
    }

    private void build(VectorCompiler compiler) {
        int rows = right.rowCount();
        int size = Math.max(1, Math.min(options.vectorSize(), rows));
        KeyReader reader = new KeyReader(compiler, join.rightKeys(), false, size);
        long[][] codes = new long[keyCount][rows];
        long[] bits = new long[rows];
        int[] sel = new int[size];
        for (int from = 0; from < rows; from += size) {
            int n = Math.min(size, rows - from);
            for (int i = 0; i < n; i++) {
                sel[i] = from + i;
            }
            reader.read(sel, n);
            for (int k = 0; k < keyCount; k++) {
                System.arraycopy(reader.codes[k], 0, codes[k], from, n);
            }
            for (int i = 0; i < n; i++) {
                bits[from + i] = reader.nullBits(i);
            }
        }
        next = new int[rows];
        if (keyCount == 1) {
            long[] c = codes[0];
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int r = 0; r < rows; r++) {
                if (bits[r] == 0) {
                    min = Math.min(min, c[r]);
                    max = Math.max(max, c[r]);
                }
            }
            long range = max - min;
            if (min <= max && range >= 0 && range < 2L * rows + 1024 && range < (1 << 28)) {
                denseMin = min;
                head = new int[(int) range + 1];
            } else {
                single = new LongHashTable(rows);
                head = new int[Math.max(1, rows)];
            }
        } else {
            tuples = new LongTupleHashTable(keyCount + 1, rows);
            head = new int[Math.max(1, rows)];
        }
        Arrays.fill(head, NONE);
        long[] tuple = new long[keyCount + 1];
        for (int r = rows - 1; r >= 0; r--) {
            if (bits[r] != 0 && !join.nullsEqual()) {
                continue;
            }
            int bucket;
            if (keyCount == 1 && bits[r] != 0) {
                next[r] = nullHead;
                nullHead = r;
                continue;
            } else if (keyCount == 1) {
                bucket = single == null ? (int) (codes[0][r] - denseMin) : bucketOf(codes[0][r]);
            } else {
                for (int k = 0; k < keyCount; k++) {
                    tuple[k] = codes[k][r];
                }
                tuple[keyCount] = bits[r];
                bucket = tuples.findOrInsert(tuple);
            }
            if (head[bucket] != NONE) {
                duplicates = true;
            }
            next[r] = head[bucket];
            head[bucket] = r;
        }
        duplicates |= nullHead != NONE && next[nullHead] != NONE;
    }

    /**
     * The first matching build row of each of the {@code n} probe rows of the reader's last vector (NONE when
     * none); a tight loop for one integer key without nulls in a directly indexed table.
     */
    private void matches(KeyReader reader, int n, int[] out, long[] tuple) {
        if (keyCount == 1 && !reader.hasNulls[0] && single == null) {
            long[] codes = reader.codes[0];
            int[] h = head;
            long min = denseMin;
            int length = h.length;
            for (int i = 0; i < n; i++) {
                long slot = codes[i] - min;
                out[i] = slot >= 0 && slot < length ? h[(int) slot] : NONE;
            }
            return;
        }
        boolean nullsEqual = join.nullsEqual();
        long[] codes0 = reader.codes[0];
        int headLength = head.length;
        for (int i = 0; i < n; i++) {
            out[i] = matchOf(reader, i, tuple, codes0, headLength, nullsEqual);
        }
    }

    private int bucketOf(long code) {
        int id = single.putIfAbsent(code, single.size());
        return id >= 0 ? id : single.size() - 1;
    }

    /** Per-chunk output row ids. */
    private static final class Output {
        int[] left = new int[16];
        int[] right = new int[16];
        int size;
        boolean oneEach = true;

        void add(int l, int r) {
            if (size == left.length) {
                left = Arrays.copyOf(left, size * 2);
                right = Arrays.copyOf(right, size * 2);
            }
            left[size] = l;
            right[size] = r;
            size++;
        }
    }

    private Output probe(VectorCompiler compiler, int start, int end, boolean[] rightMatched) {
        int size = options.vectorSize();
        KeyReader reader = new KeyReader(compiler, join.leftKeys(), true, size);
        Output out = new Output();
        out.left = new int[Math.max(16, end - start)];
        out.right = new int[out.left.length];
        JoinType type = join.type();
        boolean nullsEqual = join.nullsEqual();
        int[] sel = new int[size];
        long[] tuple = new long[keyCount + 1];
        long[] codes0 = reader.codes[0];
        int headLength = head.length;
        for (int from = start; from < end; from += size) {
            int n = Math.min(size, end - from);
            for (int i = 0; i < n; i++) {
                sel[i] = from + i;
            }
            reader.read(sel, n);
            for (int i = 0; i < n; i++) {
                int row = from + i;
                int match = matchOf(reader, i, tuple, codes0, headLength, nullsEqual);
                switch (type) {
                    case SEMI -> {
                        if (match != NONE) {
                            out.add(row, NONE);
                        } else {
                            out.oneEach = false;
                        }
                    }
                    case ANTI -> {
                        if (match == NONE) {
                            out.add(row, NONE);
                        } else {
                            out.oneEach = false;
                        }
                    }
                    default -> {
                        if (match == NONE) {
                            if (type.keepsUnmatchedLeft()) {
                                out.add(row, NONE);
                            } else {
                                out.oneEach = false;
                            }
                        } else {
                            if (next[match] != NONE) {
                                out.oneEach = false;
                            }
                            for (; match != NONE; match = next[match]) {
                                out.add(row, match);
                                if (rightMatched != null) {
                                    rightMatched[match] = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The first build row matching probe row {@code i} of the reader's last vector, or NONE. */
    private int matchOf(KeyReader reader, int i, long[] tuple, long[] codes0, int headLength, boolean nullsEqual) {
        if (reader.anyNull(i)) {
            return !nullsEqual ? NONE : keyCount == 1 ? nullHead : findTuple(reader, i, tuple);
        } else if (keyCount == 1) {
            long code = codes0[i];
            if (single == null) {
                long slot = code - denseMin;
                return slot >= 0 && slot < headLength ? head[(int) slot] : NONE;
            }
            int id = single.get(code);
            return id < 0 ? NONE : head[id];
        }
        return findTuple(reader, i, tuple);
    }

    private int findTuple(KeyReader reader, int i, long[] tuple) {
        for (int k = 0; k < keyCount; k++) {
            tuple[k] = reader.codes[k][i];
        }
        tuple[keyCount] = reader.nullBits(i);
        int id = tuples.find(tuple);
        return id < 0 ? NONE : head[id];
    }

    private Relation assemble(int[] leftRows, int[] rightRows, int outRows) {
        return assemble(leftRows, rightRows, outRows, null);
    }

    /**
     * The output relation; with {@code refills} not null, a view whose maps are the buffers {@code leftRows}
     * and {@code rightRows} themselves or per-batch compositions of them, one {@code {inner, out, rows}}
     * entry of {@code refills} each (see {@link #viewPick}).
     */
    private Relation assemble(int[] leftRows, int[] rightRows, int outRows, List<int[][]> refills) {
        List<JoinColumn> layout = join.columns();
        List<Field> fields = new ArrayList<>(layout.size());
        List<Column> bases = new ArrayList<>(layout.size());
        List<int[]> maps = new ArrayList<>(layout.size());
        List<Integer> leftIndexes = new ArrayList<>();
        List<Integer> rightIndexes = new ArrayList<>();
        for (JoinColumn source : layout) {
            if (source.isCoalesced() && !(join.type().keepsUnmatchedRight()
                    || left.schema().field(source.leftIndex()).type() != source.field().type())) {
                leftIndexes.add(source.leftIndex());
            } else if (!source.isCoalesced()) {
                if (source.leftIndex() >= 0) {
                    leftIndexes.add(source.leftIndex());
                } else {
                    rightIndexes.add(source.rightIndex());
                }
            }
        }
        List<Column> leftBases = new ArrayList<>();
        List<int[]> leftMaps = new ArrayList<>();
        if (refills == null) {
            Relation.pick(left, leftRows, leftIndexes, leftBases, leftMaps);
        } else {
            viewPick(left, leftRows, leftIndexes, leftBases, leftMaps, refills);
        }
        List<Column> rightBases = new ArrayList<>();
        List<int[]> rightMaps = new ArrayList<>();
        if (refills == null) {
            Relation.pick(right, rightRows, rightIndexes, rightBases, rightMaps);
        } else {
            viewPick(right, rightRows, rightIndexes, rightBases, rightMaps, refills);
        }
        int nextLeft = 0;
        int nextRight = 0;
        for (JoinColumn source : layout) {
            Field field = source.field();
            fields.add(field);
            boolean viewOfLeft = source.isCoalesced() && !(join.type().keepsUnmatchedRight()
                    || left.schema().field(source.leftIndex()).type() != field.type());
            if (source.isCoalesced() && !viewOfLeft) {
                Column fromLeft = CastKernel.cast(left.column(source.leftIndex()), field.type(), "join key");
                Column fromRight = CastKernel.cast(right.column(source.rightIndex()), field.type(), "join key");
                int leftCount = left.rowCount();
                int[] rows = new int[outRows];
                for (int i = 0; i < outRows; i++) {
                    int l = leftRows == null ? i : leftRows[i];
                    rows[i] = l >= 0 ? l : rightRows[i] >= 0 ? leftCount + rightRows[i] : -1;
                }
                bases.add(fromLeft.concat(fromRight).gather(rows));
                maps.add(null);
            } else if (viewOfLeft || source.leftIndex() >= 0) {
                bases.add(leftBases.get(nextLeft));
                maps.add(leftMaps.get(nextLeft));
                nextLeft++;
            } else {
                bases.add(rightBases.get(nextRight));
                maps.add(rightMaps.get(nextRight));
                nextRight++;
            }
        }
        return new Relation(new Schema(fields), bases, maps, outRows);
    }

    /**
     * As {@link Relation#pick} for a fused view: columns without a map read through {@code rows} (a buffer
     * refilled per batch); columns with one read through one composed buffer per distinct map, registered
     * in {@code refills}. Entry 0 of each buffer is -1 when the map can miss, so that a compiler over the view
     * knows which columns may read a missing row.
     */
    private static void viewPick(Relation source, int[] rows, List<Integer> indexes, List<Column> basesOut,
            List<int[]> mapsOut, List<int[][]> refills) {
        Map<int[], int[]> composed = new IdentityHashMap<>();
        for (int index : indexes) {
            int[] inner = source.rowMap(index);
            int[] map = inner == null ? rows : composed.computeIfAbsent(inner, k -> {
                int[] out = new int[rows.length];
                out[0] = rows[0] < 0 || ColumnRead.hasNegative(inner) ? -1 : inner[rows[0]];
                refills.add(new int[][] {inner, out, rows});
                return out;
            });
            basesOut.add(source.base(index));
            mapsOut.add(map);
        }
    }

    /** Whether {@link #fuse} applies: an inner or left join of non-empty inputs whose output columns are all views. */
    boolean fusable() {
        JoinType type = join.type();
        if ((type != JoinType.INNER && type != JoinType.LEFT) || left.rowCount() == 0 || right.rowCount() == 0) {
            return false;
        }
        for (JoinColumn source : join.columns()) {
            if (source.isCoalesced() && left.schema().field(source.leftIndex()).type() != source.field().type()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds the hash table and counts each probe vector's output pairs, for an aggregate that reads the
     * join's output pairs directly (in output order) instead of a materialised relation of row ids.
     */
    Fused fuse(MemoryMeter meter) {
        VectorCompiler rightCompiler = new VectorCompiler(right);
        VectorCompiler leftCompiler = new VectorCompiler(left);
        prepareStringKeys(leftCompiler, rightCompiler);
        build(rightCompiler);
        meter.add(4L * (head.length + next.length) + (single == null ? 0 : single.estimatedBytes())
                + (tuples == null ? 0 : tuples.estimatedBytes()));
        int size = options.vectorSize();
        int rows = left.rowCount();
        int vectors = (rows + size - 1) / size;
        int[] counts = new int[vectors];
        boolean keepsLeft = join.type().keepsUnmatchedLeft();
        int tasks = Math.max(1, Math.min(vectors, options.chunks(rows)));
        parallel.run(tasks, task -> {
            KeyReader reader = new KeyReader(leftCompiler, join.leftKeys(), true, size);
            int[] sel = new int[size];
            long[] tuple = new long[keyCount + 1];
            int[] heads = new int[size];
            for (int v = ExecOptions.chunkStart(vectors, tasks, task); v < ExecOptions.chunkStart(vectors, tasks, task + 1); v++) {
                int from = v * size;
                int n = Math.min(size, rows - from);
                for (int i = 0; i < n; i++) {
                    sel[i] = from + i;
                }
                reader.read(sel, n);
                matches(reader, n, heads, tuple);
                int count = 0;
                if (!duplicates) {
                    int matched = 0;
                    for (int i = 0; i < n; i++) {
                        matched += heads[i] == NONE ? 0 : 1;
                    }
                    count = keepsLeft ? n : matched;
                } else {
                    for (int i = 0; i < n; i++) {
                        int match = heads[i];
                        if (match == NONE) {
                            count += keepsLeft ? 1 : 0;
                        }
                        for (; match != NONE; match = next[match]) {
                            count++;
                        }
                    }
                }
                counts[v] = count;
            }
        });
        long[] starts = new long[vectors + 1];
        for (int v = 0; v < vectors; v++) {
            starts[v + 1] = starts[v] + counts[v];
        }
        if (starts[vectors] > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("join output of " + starts[vectors] + " rows is too large");
        }
        meter.add(12L * vectors);
        return new Fused(leftCompiler, starts);
    }

    /** The join's output pairs as an aggregate's source; see {@link #fuse}. */
    final class Fused implements AggregateExec.Source {
        private final VectorCompiler leftCompiler;
        private final long[] starts;
        private final int size;
        /** A view of the output columns (for compiling and key codecs; its buffers are never filled). */
        final Relation template;

        private Fused(VectorCompiler leftCompiler, long[] starts) {
            this.leftCompiler = leftCompiler;
            this.starts = starts;
            this.size = options.vectorSize();
            this.template = view(new int[size], new int[size], new ArrayList<>());
        }

        /** The number of output pairs. */
        @Override
        public int rows() {
            return (int) starts[starts.length - 1];
        }

        private Relation view(int[] leftBuffer, int[] rightBuffer, List<int[][]> refills) {
            if (join.type().keepsUnmatchedLeft()) {
                rightBuffer[0] = NONE;
            }
            return assemble(leftBuffer, rightBuffer, size, refills);
        }

        @Override
        public AggregateExec.Batcher open(int start, int end) {
            return new Cursor(start, end);
        }

        /** Walks output positions {@code [start, end)}: probe rows in order, each with its matches in build order. */
        private final class Cursor implements AggregateExec.Batcher {
            private final int[] leftRows = new int[size];
            private final int[] rightRows = new int[size];
            private final List<int[][]> refills = new ArrayList<>();
            private final VectorCompiler compiler;
            private final KeyReader reader = new KeyReader(leftCompiler, join.leftKeys(), true, size);
            private final int[] probeSel = new int[size];
            private final int[] heads = new int[size];
            private final long[] tuple = new long[keyCount + 1];
            private final boolean keepsLeft = join.type().keepsUnmatchedLeft();
            private int remaining;
            private int vector = -1;
            private int base;
            private int length;
            private int i;
            private int current;

            Cursor(int start, int end) {
                compiler = new VectorCompiler(view(leftRows, rightRows, refills));
                remaining = Math.max(0, end - start);
                if (remaining == 0) {
                    return;
                }
                int lo = 0;
                int hi = starts.length - 2;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (starts[mid] <= start) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                load(lo);
                int skip = (int) (start - starts[lo]);
                int[] scratchLeft = new int[size];
                int[] scratchRight = new int[size];
                while (skip > 0) {
                    skip -= emit(scratchLeft, scratchRight, Math.min(skip, size));
                }
            }

            private void load(int v) {
                vector = v;
                base = v * size;
                length = Math.min(size, left.rowCount() - base);
                for (int k = 0; k < length; k++) {
                    probeSel[k] = base + k;
                }
                reader.read(probeSel, length);
                matches(reader, length, heads, tuple);
                i = 0;
                current = heads[0];
            }

            private int emit(int[] l, int[] r, int max) {
                if (!duplicates) {
                    return emitUnique(l, r, max);
                }
                int n = 0;
                int[] nextRow = next;
                while (n < max) {
                    if (i >= length) {
                        load(vector + 1);
                        continue;
                    }
                    if (current == NONE) {
                        if (keepsLeft) {
                            l[n] = base + i;
                            r[n] = NONE;
                            n++;
                        }
                        i++;
                        current = i < length ? heads[i] : NONE;
                    } else {
                        l[n] = base + i;
                        r[n] = current;
                        n++;
                        current = nextRow[current];
                        if (current == NONE) {
                            i++;
                            current = i < length ? heads[i] : NONE;
                        }
                    }
                }
                return n;
            }

            /** As {@link #emit} when every build key has one row: each probe row has at most one match. */
            private int emitUnique(int[] l, int[] r, int max) {
                int n = 0;
                while (n < max) {
                    if (i >= length) {
                        load(vector + 1);
                    }
                    int[] h = heads;
                    int b = base;
                    int end = length;
                    int k = i;
                    if (keepsLeft) {
                        for (; k < end && n < max; k++) {
                            l[n] = b + k;
                            r[n] = h[k];
                            n++;
                        }
                    } else {
                        for (; k < end && n < max; k++) {
                            int match = h[k];
                            if (match != NONE) {
                                l[n] = b + k;
                                r[n] = match;
                                n++;
                            }
                        }
                    }
                    i = k;
                }
                return n;
            }

            @Override
            public VectorCompiler compiler() {
                return compiler;
            }

            @Override
            public int next(int[] sel) {
                int n = Math.min(Math.min(sel.length, size), remaining);
                if (n == 0) {
                    return 0;
                }
                emit(leftRows, rightRows, n);
                remaining -= n;
                for (int[][] refill : refills) {
                    int[] inner = refill[0];
                    int[] out = refill[1];
                    int[] rows = refill[2];
                    for (int k = 0; k < n; k++) {
                        int row = rows[k];
                        out[k] = row < 0 ? NONE : inner[row];
                    }
                }
                for (int k = 0; k < n; k++) {
                    sel[k] = k;
                }
                return n;
            }
        }
    }
}
