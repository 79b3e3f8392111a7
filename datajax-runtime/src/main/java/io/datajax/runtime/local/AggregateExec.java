package io.datajax.runtime.local;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.Relation;
import io.datajax.runtime.kernel.LongHashTable;
import io.datajax.runtime.kernel.LongTupleHashTable;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.kernel.SortKernel;
import io.datajax.runtime.vector.Selector;
import io.datajax.runtime.vector.Vec;
import io.datajax.runtime.vector.VectorCompiler;
import io.datajax.runtime.vector.VectorExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an {@link Aggregate} as one pass over its input, optionally absorbing the transform that feeds it
 * (its filters narrow the selection vector, its projections are substituted into the keys and aggregate
 * arguments, so the filtered table is never built). Each chunk aggregates into its own partial table;
 * partials merge in chunk order; then only the groups are sorted (by key ascending, nulls last).
 *
 * <p>Group tables: {@link Strategy#DENSE} indexes an array by the keys' ordinals when every key has a known
 * small range (integer columns with {@code max - min} small, booleans, dictionary-encoded strings; several
 * keys are packed into one index, which is already in key order); {@link Strategy#PACKED} hashes that
 * packed index when the range is too large for an array; {@link Strategy#SINGLE} hashes one long key code;
 * {@link Strategy#TUPLE} hashes tuples of codes. All are open-addressing tables over primitive arrays.
 *
 * <p>SINGLE with many groups (more than {@link #FEW_GROUPS} distinct keys in the first chunk's worth of rows)
 * skips the per-chunk tables: one pass with one thread, radix partitioning by key hash with several (see
 * {@code runPartitioned}); every group folds its rows in input order either way. The rows may also come
 * from a join's output pairs ({@link Source}, see {@link JoinExec#fuse}) instead of a relation.
 */
final class AggregateExec {
    /** How groups are identified. */
    enum Strategy { NONE, DENSE, PACKED, SINGLE, TUPLE }

    private final Aggregate node;
    private final ExecOptions options;
    private final Parallel parallel;
    private final List<Expr> predicates;
    private final List<Expr> keyExprs;
    private final List<Expr> argExprs;
    private Relation input;
    private VectorCompiler compiler;
    private GroupKey[] keys;
    private Strategy strategy;
    private long[] strides;
    private int denseSlots;
    private Strategy forced;
    private boolean[] argNullable;

    /**
     * @param program the absorbed transform (its output is the aggregate's input), or null when the
     *     aggregate reads {@code input} directly
     */
    AggregateExec(Aggregate node, TransformProgram program, Relation input, ExecOptions options, Parallel parallel) {
        this.node = node;
        this.options = options;
        this.parallel = parallel;
        this.input = input;
        TransformProgram p = program == null ? TransformProgram.identity(input.schema()) : program;
        this.predicates = p.predicates();
        this.keyExprs = new ArrayList<>();
        for (String key : node.keys()) {
            keyExprs.add(p.output(key));
        }
        this.argExprs = new ArrayList<>();
        for (AggCall call : node.aggregates()) {
            argExprs.add(call.argument().map(p::rewrite).orElse(null));
        }
    }

    /** Forces a strategy where it applies (tests compare the dense and hashed paths). */
    AggregateExec force(Strategy strategy) {
        this.forced = strategy;
        return this;
    }

    /** The strategy of the last run. */
    Strategy strategy() {
        return strategy;
    }

    /**
     * Where the aggregate's rows come from: the input relation's rows in order, or (join fusion) the pairs a
     * join would output, in its output order. Positions are in {@code [0, rows())}.
     */
    interface Source {
        /** The number of input rows (positions). */
        int rows();

        /** A thread-confined reader of positions {@code [start, end)} in order. */
        Batcher open(int start, int end);
    }

    /** Reads one range of positions, a vector at a time. */
    interface Batcher {
        /** The compiler that the selection vectors returned by {@link #next} refer to. */
        VectorCompiler compiler();

        /** Fills {@code sel} with the next at most {@code sel.length} rows; 0 at the end. */
        int next(int[] sel);
    }

    /** The rows of the input relation, through the shared compiler. */
    private Source plainSource() {
        int rows = input.rowCount();
        return new Source() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public Batcher open(int start, int end) {
                return new Batcher() {
                    private int from = start;

                    @Override
                    public VectorCompiler compiler() {
                        return compiler;
                    }

                    @Override
                    public int next(int[] sel) {
                        int length = Math.min(sel.length, end - from);
                        if (length <= 0) {
                            return 0;
                        }
                        for (int i = 0; i < length; i++) {
                            sel[i] = from + i;
                        }
                        from += length;
                        return length;
                    }
                };
            }
        };
    }

    /** The most distinct keys seen in the sample for which the hashed strategy folds per chunk and merges. */
    static final int FEW_GROUPS = 4096;

    /** The aggregated rows; counts rows passing the absorbed filters in {@code selected[0]} when not null. */
    Batch run(MemoryMeter meter, long[] selected) {
        return run(meter, selected, null);
    }

    /** As {@link #run(MemoryMeter, long[])} over the rows of {@code fusedSource} (null: the input relation). */
    Batch run(MemoryMeter meter, long[] selected, Source fusedSource) {
        if (fusedSource == null) {
            materializeComputedStringKeys();
        }
        compiler = new VectorCompiler(input);
        Source source = fusedSource == null ? plainSource() : fusedSource;
        int keyCount = keyExprs.size();
        keys = new GroupKey[keyCount];
        for (int k = 0; k < keyCount; k++) {
            keys[k] = GroupKey.of(keyExprs.get(k), compiler, options.denseGroupLimit());
        }
        chooseStrategy();
        argNullable = new boolean[argExprs.size()];
        for (int a = 0; a < argNullable.length; a++) {
            argNullable[a] = argExprs.get(a) != null && compiler.compile(argExprs.get(a)).nullable();
        }
        int rows = source.rows();
        if (strategy == Strategy.SINGLE && forced == null && !fewGroups(source)) {
            return runPartitioned(meter, selected, source, fusedSource == null);
        }
        int chunks = options.chunks(rows);
        Partial[] partials = new Partial[chunks];
        parallel.run(chunks, chunk -> partials[chunk] = aggregateChunk(source.open(ExecOptions.chunkStart(rows, chunks, chunk),
                ExecOptions.chunkStart(rows, chunks, chunk + 1))));
        long partialBytes = 0;
        long kept = 0;
        for (Partial partial : partials) {
            partialBytes += partial.estimatedBytes();
            kept += partial.selected;
        }
        if (selected != null) {
            selected[0] = kept;
        }
        Partial total = partials[0];
        if (chunks > 1) {
            total = newPartial();
            for (Partial partial : partials) {
                total.mergeFrom(partial);
            }
            partialBytes += total.estimatedBytes();
        }
        meter.add(partialBytes + 4L * options.vectorSize() * (keyCount + 4) * Math.min(chunks, parallel.threads()));
        return output(total);
    }

    /**
     * Whether the single hashed key has few distinct values in the first chunk's worth of (selected) rows: then
     * per-chunk tables merged in chunk order are cheap. Depends only on the data, never on the thread count.
     */
    private boolean fewGroups(Source source) {
        int rows = source.rows();
        int sample = Math.min(rows, options.minChunkRows());
        if (sample == 0) {
            return true;
        }
        Batcher batcher = source.open(0, sample);
        VectorCompiler c = batcher.compiler();
        Selector selector = selector(c);
        GroupKey.Reader reader = keys[0].reader(c, options.vectorSize());
        LongHashTable seen = new LongHashTable(FEW_GROUPS);
        int[] sel = new int[options.vectorSize()];
        int length;
        while ((length = batcher.next(sel)) > 0) {
            int n = selector == null ? length : selector.select(sel, length, sel);
            if (n == 0) {
                continue;
            }
            reader.read(sel, n);
            long[] codes = reader.codes;
            for (int i = 0; i < n; i++) {
                seen.putIfAbsent(codes[i], 0);
            }
            if (seen.size() > FEW_GROUPS) {
                return false;
            }
        }
        return true;
    }

    private Selector selector(VectorCompiler c) {
        Selector selector = null;
        for (Expr predicate : predicates) {
            Selector next = c.selector(predicate);
            selector = selector == null ? next : and(selector, next);
        }
        return selector;
    }

    /**
     * The SINGLE strategy with many groups, without chunks: every group sees its rows in input order in one
     * table, so every thread count gives the same result as one sequential pass (no merge of partial sums).
     * One thread: one pass. Several threads over the input relation: radix partitioning (each row's key is
     * hashed once, its row id scattered to the partition of its hash, in row order; then one thread per
     * partition aggregates its rows in order). Over a fused source, each partition scans every row and keeps
     * its own keys.
     */
    private Batch runPartitioned(MemoryMeter meter, long[] selected, Source source, boolean radix) {
        int threads = parallel.threads();
        boolean useRadix = threads > 1 && threads < 128 && radix;
        // one partition per thread: more partitions would keep each table in cache, but pass 2 then gathers
        // keys and arguments by row ids too far apart for cache lines to be shared (measured slower)
        int parts = threads;
        Partial[] partials = new Partial[parts];
        long extraBytes = 0;
        if (useRadix) {
            int[][] rowIds = radixPartition(parts, source.rows());
            for (int[] ids : rowIds) {
                extraBytes += 4L * ids.length;
            }
            extraBytes += source.rows();
            parallel.run(parts, part -> partials[part] = aggregateRows(rowIds[part]));
        } else {
            parallel.run(parts, part -> partials[part] = aggregatePartition(part, parts, source.open(0, source.rows())));
        }
        long partialBytes = extraBytes;
        long kept = 0;
        for (Partial partial : partials) {
            partialBytes += partial.estimatedBytes();
            kept += partial.selected;
        }
        if (selected != null) {
            selected[0] = kept;
        }
        Partial total = partials[0];
        if (parts > 1) {
            total = newPartial();
            for (Partial partial : partials) {
                total.appendDisjoint(partial);
            }
            partialBytes += total.estimatedBytes();
        }
        meter.add(partialBytes + 4L * options.vectorSize() * 8 * threads);
        return output(total);
    }

    /** The partition of a key hash among {@code parts}; nulls go to partition 0. */
    private static int owner(int hash, int parts) {
        return (int) (((hash & 0xffffffffL) * parts) >>> 32);
    }

    /**
     * The selected row ids of each hash partition, ascending. Pass 1 (parallel over row ranges) hashes each
     * selected row's key once and notes its partition; pass 2 scatters row ids at prefix-summed offsets.
     */
    private int[][] radixPartition(int parts, int rows) {
        int ranges = parallel.threads();
        byte[] owners = new byte[rows];
        int[][] counts = new int[ranges][parts];
        parallel.run(ranges, range -> {
            int start = ExecOptions.chunkStart(rows, ranges, range);
            int end = ExecOptions.chunkStart(rows, ranges, range + 1);
            int size = options.vectorSize();
            Selector selector = selector(compiler);
            GroupKey.Reader reader = keys[0].reader(compiler, size);
            int[] sel = new int[size];
            int[] count = counts[range];
            long[] codes = reader.codes;
            boolean[] nulls = reader.nulls;
            for (int from = start; from < end; from += size) {
                int length = Math.min(size, end - from);
                for (int i = 0; i < length; i++) {
                    sel[i] = from + i;
                }
                int n = length;
                if (selector != null) {
                    Arrays.fill(owners, from, from + length, (byte) -1);
                    n = selector.select(sel, length, sel);
                    if (n == 0) {
                        continue;
                    }
                }
                reader.read(sel, n);
                boolean hasNulls = reader.hasNulls;
                for (int i = 0; i < n; i++) {
                    int o = hasNulls && nulls[i] ? 0 : owner(LongHashTable.mix(codes[i]), parts);
                    owners[sel[i]] = (byte) o;
                    count[o]++;
                }
            }
        });
        int[][] rowIds = new int[parts][];
        int[][] offsets = new int[ranges][parts];
        for (int p = 0; p < parts; p++) {
            int total = 0;
            for (int r = 0; r < ranges; r++) {
                offsets[r][p] = total;
                total += counts[r][p];
            }
            rowIds[p] = new int[total];
        }
        parallel.run(ranges, range -> {
            int start = ExecOptions.chunkStart(rows, ranges, range);
            int end = ExecOptions.chunkStart(rows, ranges, range + 1);
            int[] at = offsets[range];
            for (int row = start; row < end; row++) {
                int o = owners[row];
                if (o >= 0) {
                    rowIds[o][at[o]++] = row;
                }
            }
        });
        return rowIds;
    }

    /** Argument expressions compiled for one thread, with their vectors. */
    private VectorExpr[] compileArgs(VectorCompiler c, Vec[] vecs, int size) {
        VectorExpr[] args = new VectorExpr[argExprs.size()];
        for (int a = 0; a < args.length; a++) {
            Expr arg = argExprs.get(a);
            if (arg != null) {
                AggCall call = node.aggregates().get(a);
                args[a] = call.function() == AggFunction.MEAN ? c.compile(arg, DataType.FLOAT64) : c.compile(arg);
                vecs[a] = args[a].newVec(size);
            }
        }
        return args;
    }

    /** SINGLE: aggregates the given (selected, ascending) rows in order into one table. */
    private Partial aggregateRows(int[] rowIds) {
        int size = options.vectorSize();
        Partial partial = newPartial();
        GroupKey.Reader reader = keys[0].reader(compiler, size);
        Vec[] vecs = new Vec[argExprs.size()];
        VectorExpr[] args = compileArgs(compiler, vecs, size);
        int[] sel = new int[size];
        int[] gid = new int[size];
        int[] hash = new int[size];
        long[] codes = reader.codes;
        boolean[] nulls = reader.nulls;
        partial.selected = rowIds.length;
        for (int from = 0; from < rowIds.length; from += size) {
            int n = Math.min(size, rowIds.length - from);
            System.arraycopy(rowIds, from, sel, 0, n);
            reader.read(sel, n);
            for (int i = 0; i < n; i++) {
                hash[i] = LongHashTable.mix(codes[i]);
            }
            partial.assignHashed(codes, nulls, reader.hasNulls, hash, n, gid);
            for (int a = 0; a < args.length; a++) {
                if (args[a] != null) {
                    args[a].eval(sel, n, vecs[a]);
                }
                partial.states[a].update(gid, n, vecs[a], false);
            }
            partial.countRows(gid, n);
        }
        return partial;
    }

    private Partial aggregatePartition(int part, int parts, Batcher batcher) {
        int size = options.vectorSize();
        Partial partial = newPartial();
        VectorCompiler c = batcher.compiler();
        Selector selector = selector(c);
        GroupKey.Reader reader = keys[0].reader(c, size);
        Vec[] vecs = new Vec[argExprs.size()];
        VectorExpr[] args = compileArgs(c, vecs, size);
        int[] sel = new int[size];
        int[] gid = new int[size];
        int[] hash = new int[size];
        long[] codes = reader.codes;
        boolean[] nulls = reader.nulls;
        int length;
        while ((length = batcher.next(sel)) > 0) {
            int n = selector == null ? length : selector.select(sel, length, sel);
            if (n == 0) {
                continue;
            }
            if (part == 0) {
                partial.selected += n;
            }
            reader.read(sel, n);
            boolean hasNulls = reader.hasNulls;
            if (parts == 1) {
                for (int i = 0; i < n; i++) {
                    hash[i] = LongHashTable.mix(codes[i]);
                }
            } else {
                int m = 0;
                for (int i = 0; i < n; i++) {
                    boolean isNull = hasNulls && nulls[i];
                    int h = LongHashTable.mix(codes[i]);
                    int owner = isNull ? 0 : owner(h, parts);
                    if (owner == part) {
                        sel[m] = sel[i];
                        codes[m] = codes[i];
                        nulls[m] = isNull;
                        hash[m] = h;
                        m++;
                    }
                }
                n = m;
                if (n == 0) {
                    continue;
                }
            }
            partial.assignHashed(codes, nulls, hasNulls, hash, n, gid);
            for (int a = 0; a < args.length; a++) {
                if (args[a] != null) {
                    args[a].eval(sel, n, vecs[a]);
                }
                partial.states[a].update(gid, n, vecs[a], false);
            }
            partial.countRows(gid, n);
        }
        return partial;
    }

    private void materializeComputedStringKeys() {
        List<Integer> computed = new ArrayList<>();
        for (int k = 0; k < keyExprs.size(); k++) {
            Expr key = keyExprs.get(k);
            if (key.type() == DataType.STRING && !(key instanceof ColumnRef)) {
                computed.add(k);
            }
        }
        if (computed.isEmpty()) {
            return;
        }
        List<Field> fields = new ArrayList<>(input.schema().fields());
        List<Column> bases = new ArrayList<>(input.bases());
        List<int[]> maps = new ArrayList<>(input.rowMaps());
        VectorCompiler inputCompiler = new VectorCompiler(input);
        for (int k : computed) {
            String name = "$key" + k;
            while (input.schema().indexOf(name) >= 0) {
                name = name + "_";
            }
            Column column = TransformExec.evaluateAll(inputCompiler, keyExprs.get(k), input.rowCount(), options);
            fields.add(Field.of(name, DataType.STRING));
            bases.add(column);
            maps.add(null);
            keyExprs.set(k, new ColumnRef(name, DataType.STRING, true));
        }
        input = new Relation(new Schema(fields), bases, maps, input.rowCount());
    }

    private void chooseStrategy() {
        int keyCount = keys.length;
        if (keyCount == 0) {
            strategy = Strategy.NONE;
            return;
        }
        boolean allRanged = true;
        double product = 1;
        for (GroupKey key : keys) {
            allRanged &= key.ranged;
            product *= key.ranged ? key.range + 1 : Double.POSITIVE_INFINITY;
        }
        if (allRanged && product < 0x1p62) {
            strides = new long[keyCount];
            long stride = 1;
            for (int k = keyCount - 1; k >= 0; k--) {
                strides[k] = stride;
                stride *= keys[k].range + 1;
            }
            boolean dense = product <= options.denseGroupLimit();
            strategy = dense && forced != Strategy.PACKED ? Strategy.DENSE : Strategy.PACKED;
            denseSlots = strategy == Strategy.DENSE ? (int) product : 0;
        } else {
            strategy = keyCount == 1 ? Strategy.SINGLE : Strategy.TUPLE;
        }
        if (forced == Strategy.TUPLE) {
            strategy = Strategy.TUPLE;
        }
    }

    private Partial newPartial() {
        return new Partial();
    }

    private Partial aggregateChunk(Batcher batcher) {
        int size = options.vectorSize();
        Partial partial = newPartial();
        VectorCompiler c = batcher.compiler();
        Selector selector = selector(c);
        GroupKey.Reader[] readers = new GroupKey.Reader[keys.length];
        for (int k = 0; k < keys.length; k++) {
            readers[k] = keys[k].reader(c, size);
        }
        Vec[] vecs = new Vec[argExprs.size()];
        VectorExpr[] args = compileArgs(c, vecs, size);
        int[] sel = new int[size];
        int[] gid = new int[size];
        long[] packed = new long[size];
        long[] tuple = new long[keys.length + 1];
        boolean single = strategy == Strategy.NONE;
        int length;
        while ((length = batcher.next(sel)) > 0) {
            int n = selector == null ? length : selector.select(sel, length, sel);
            if (n == 0) {
                continue;
            }
            partial.selected += n;
            for (GroupKey.Reader reader : readers) {
                reader.read(sel, n);
            }
            partial.assignGroups(readers, n, gid, packed, tuple);
            for (int a = 0; a < args.length; a++) {
                if (args[a] != null) {
                    args[a].eval(sel, n, vecs[a]);
                }
                partial.states[a].update(gid, n, vecs[a], single);
            }
            partial.countRows(gid, n);
        }
        return partial;
    }

    private static Selector and(Selector first, Selector second) {
        return new Selector() {
            @Override
            public int select(int[] sel, int n, int[] out) {
                int m = first.select(sel, n, out);
                return m == 0 ? 0 : second.select(out, m, out);
            }
        };
    }

    private Batch output(Partial total) {
        int[] order = total.sortedGroups();
        int keyCount = keys.length;
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        long[][] codes = new long[keyCount][order.length];
        boolean[][] nulls = new boolean[keyCount][order.length];
        total.keyCodes(order, codes, nulls);
        Schema inputSchema = node.input().schema();
        for (int k = 0; k < keyCount; k++) {
            fields.add(inputSchema.field(node.keys().get(k)));
            columns.add(keys[k].decode(codes[k], nulls[k]));
        }
        for (int a = 0; a < node.aggregates().size(); a++) {
            AggCall call = node.aggregates().get(a);
            fields.add(call.field());
            columns.add(total.states[a].output(order, total.rows));
        }
        return new Batch(new Schema(fields), columns, order.length);
    }

    /** The groups and states of one chunk, or of the merge of all chunks. */
    private final class Partial {
        int groups;
        long selected;
        long[] rows;
        AggregateStates[] states;
        LongHashTable table;
        long[] keyOf;
        int nullGroup = -1;
        LongTupleHashTable tuples;

        Partial() {
            int initial = switch (strategy) {
                case NONE -> 1;
                case DENSE -> denseSlots;
                default -> 1024;
            };
            groups = strategy == Strategy.NONE ? 1 : strategy == Strategy.DENSE ? denseSlots : 0;
            rows = new long[Math.max(1, initial)];
            if (strategy == Strategy.PACKED || strategy == Strategy.SINGLE) {
                table = new LongHashTable(1024);
                keyOf = new long[rows.length];
            } else if (strategy == Strategy.TUPLE) {
                tuples = new LongTupleHashTable(keys.length + 1, 1024);
            }
            states = new AggregateStates[node.aggregates().size()];
            for (int a = 0; a < states.length; a++) {
                AggCall call = node.aggregates().get(a);
                Expr arg = argExprs.get(a);
                DataType argType = call.function() == AggFunction.MEAN ? DataType.FLOAT64 : arg == null ? DataType.NULL : arg.type();
                states[a] = new AggregateStates(call, Vec.Kind.of(argType), argNullable[a], rows.length);
            }
        }

        long estimatedBytes() {
            long bytes = 8L * rows.length + (keyOf == null ? 0 : 8L * keyOf.length)
                    + (table == null ? 0 : table.estimatedBytes()) + (tuples == null ? 0 : tuples.estimatedBytes());
            for (AggregateStates state : states) {
                bytes += state.estimatedBytes();
            }
            return bytes;
        }

        void assignGroups(GroupKey.Reader[] readers, int n, int[] gid, long[] packed, long[] tuple) {
            switch (strategy) {
                case NONE -> Arrays.fill(gid, 0, n, 0);
                case DENSE -> {
                    pack(readers, n, packed);
                    for (int i = 0; i < n; i++) {
                        gid[i] = (int) packed[i];
                    }
                }
                case PACKED -> {
                    pack(readers, n, packed);
                    for (int i = 0; i < n; i++) {
                        gid[i] = findOrInsert(packed[i]);
                    }
                }
                case SINGLE -> {
                    GroupKey.Reader reader = readers[0];
                    long[] codes = reader.codes;
                    boolean hasNulls = reader.hasNulls;
                    for (int i = 0; i < n; i++) {
                        gid[i] = hasNulls && reader.nulls[i] ? nullGroup() : findOrInsert(codes[i]);
                    }
                }
                case TUPLE -> {
                    int width = readers.length;
                    for (int i = 0; i < n; i++) {
                        long bits = 0;
                        for (int k = 0; k < width; k++) {
                            GroupKey.Reader reader = readers[k];
                            tuple[k] = reader.codes[i];
                            if (reader.hasNulls && reader.nulls[i]) {
                                bits |= 1L << k;
                            }
                        }
                        tuple[width] = bits;
                        gid[i] = tuples.findOrInsert(tuple);
                    }
                    groups = tuples.size();
                }
            }
            ensure(groups);
        }

        private void pack(GroupKey.Reader[] readers, int n, long[] packed) {
            if (readers.length == 1) {
                GroupKey key = keys[0];
                GroupKey.Reader reader = readers[0];
                long min = key.min;
                long nullOrdinal = key.range;
                long[] codes = reader.codes;
                if (reader.hasNulls) {
                    boolean[] nulls = reader.nulls;
                    for (int i = 0; i < n; i++) {
                        packed[i] = nulls[i] ? nullOrdinal : codes[i] - min;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        packed[i] = codes[i] - min;
                    }
                }
                return;
            }
            Arrays.fill(packed, 0, n, 0);
            for (int k = 0; k < readers.length; k++) {
                GroupKey key = keys[k];
                GroupKey.Reader reader = readers[k];
                long stride = strides[k];
                for (int i = 0; i < n; i++) {
                    long ordinal = reader.hasNulls && reader.nulls[i] ? key.range : reader.codes[i] - key.min;
                    packed[i] += ordinal * stride;
                }
            }
        }

        /** SINGLE: the group ids of keys {@code codes[0, n)} whose hashes are given. */
        void assignHashed(long[] codes, boolean[] nulls, boolean hasNulls, int[] hash, int n, int[] gid) {
            LongHashTable t = table;
            if (hasNulls) {
                for (int i = 0; i < n; i++) {
                    gid[i] = nulls[i] ? nullGroup() : findOrInsert(t, codes[i], hash[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    gid[i] = findOrInsert(t, codes[i], hash[i]);
                }
            }
            ensure(groups);
        }

        private int findOrInsert(LongHashTable t, long key, int hash) {
            int existing = t.putIfAbsent(key, hash, groups);
            if (existing >= 0) {
                return existing;
            }
            if (groups == keyOf.length) {
                keyOf = Arrays.copyOf(keyOf, groups * 2);
            }
            keyOf[groups] = key;
            return groups++;
        }

        /** SINGLE: adds the groups of {@code other}, none of which is in this partial yet, copying their states. */
        void appendDisjoint(Partial other) {
            selected += other.selected;
            for (int g = 0; g < other.groups; g++) {
                int to = g == other.nullGroup ? nullGroup() : findOrInsert(other.keyOf[g]);
                ensure(groups);
                rows[to] = other.rows[g];
                for (int a = 0; a < states.length; a++) {
                    states[a].copy(to, other.states[a], g);
                }
            }
        }

        private int findOrInsert(long key) {
            int existing = table.putIfAbsent(key, groups);
            if (existing >= 0) {
                return existing;
            }
            if (groups == keyOf.length) {
                keyOf = Arrays.copyOf(keyOf, groups * 2);
            }
            keyOf[groups] = key;
            return groups++;
        }

        private int nullGroup() {
            if (nullGroup < 0) {
                nullGroup = groups++;
                if (nullGroup == keyOf.length) {
                    keyOf = Arrays.copyOf(keyOf, groups * 2);
                }
            }
            return nullGroup;
        }

        private void ensure(int size) {
            if (size > rows.length) {
                rows = Arrays.copyOf(rows, Math.max(size, rows.length * 2));
            }
            for (AggregateStates state : states) {
                state.ensure(size);
            }
        }

        void countRows(int[] gid, int n) {
            if (strategy == Strategy.NONE) {
                rows[0] += n;
                return;
            }
            long[] r = rows;
            for (int i = 0; i < n; i++) {
                r[gid[i]]++;
            }
        }

        /** Adds a chunk's partial into this one (called in chunk order). */
        void mergeFrom(Partial other) {
            selected += other.selected;
            long[] tuple = new long[keys.length + 1];
            for (int g = 0; g < other.groups; g++) {
                if (other.rows[g] == 0 && strategy != Strategy.NONE) {
                    continue;
                }
                int to = switch (strategy) {
                    case NONE, DENSE -> g;
                    case PACKED -> findOrInsert(other.keyOf[g]);
                    case SINGLE -> g == other.nullGroup ? nullGroup() : findOrInsert(other.keyOf[g]);
                    case TUPLE -> {
                        for (int k = 0; k <= keys.length; k++) {
                            tuple[k] = other.tuples.at(g, k);
                        }
                        int id = tuples.findOrInsert(tuple);
                        groups = tuples.size();
                        yield id;
                    }
                };
                ensure(groups);
                rows[to] += other.rows[g];
                for (int a = 0; a < states.length; a++) {
                    states[a].merge(to, other.states[a], g);
                }
            }
        }

        /** The group ids in output order: key ascending, nulls last; empty groups dropped (except NONE). */
        int[] sortedGroups() {
            switch (strategy) {
                case NONE -> {
                    return new int[] {0};
                }
                case DENSE -> {
                    int count = 0;
                    for (int g = 0; g < groups; g++) {
                        count += rows[g] > 0 ? 1 : 0;
                    }
                    int[] order = new int[count];
                    int next = 0;
                    for (int g = 0; g < groups; g++) {
                        if (rows[g] > 0) {
                            order[next++] = g;
                        }
                    }
                    return order;
                }
                case PACKED, SINGLE -> {
                    int nonNull = nullGroup >= 0 ? groups - 1 : groups;
                    long[] sortedKeys = new long[nonNull];
                    int next = 0;
                    for (int g = 0; g < groups; g++) {
                        if (g != nullGroup) {
                            sortedKeys[next++] = keyOf[g];
                        }
                    }
                    Arrays.sort(sortedKeys);
                    int[] order = new int[groups];
                    for (int i = 0; i < nonNull; i++) {
                        order[i] = table.get(sortedKeys[i]);
                    }
                    if (nullGroup >= 0) {
                        order[nonNull] = nullGroup;
                    }
                    return order;
                }
                default -> {
                    int[] order = new int[groups];
                    for (int g = 0; g < groups; g++) {
                        order[g] = g;
                    }
                    int width = keys.length;
                    SortKernel.sort(order, (a, b) -> {
                        long nullsA = tuples.at(a, width);
                        long nullsB = tuples.at(b, width);
                        for (int k = 0; k < width; k++) {
                            boolean na = (nullsA & (1L << k)) != 0;
                            boolean nb = (nullsB & (1L << k)) != 0;
                            if (na || nb) {
                                if (na != nb) {
                                    return na ? 1 : -1;
                                }
                                continue;
                            }
                            int c = Long.compare(tuples.at(a, k), tuples.at(b, k));
                            if (c != 0) {
                                return c;
                            }
                        }
                        return 0;
                    });
                    return order;
                }
            }
        }

        /** The key codes and null flags of the groups in {@code order}. */
        void keyCodes(int[] order, long[][] codes, boolean[][] nulls) {
            for (int i = 0; i < order.length; i++) {
                int g = order[i];
                switch (strategy) {
                    case NONE -> {
                    }
                    case DENSE, PACKED -> {
                        long slot = strategy == Strategy.DENSE ? g : keyOf[g];
                        for (int k = 0; k < keys.length; k++) {
                            long ordinal = slot / strides[k];
                            slot -= ordinal * strides[k];
                            nulls[k][i] = ordinal == keys[k].range;
                            codes[k][i] = keys[k].min + ordinal;
                        }
                    }
                    case SINGLE -> {
                        nulls[0][i] = g == nullGroup;
                        codes[0][i] = g == nullGroup ? 0 : keyOf[g];
                    }
                    case TUPLE -> {
                        long bits = tuples.at(g, keys.length);
                        for (int k = 0; k < keys.length; k++) {
                            nulls[k][i] = (bits & (1L << k)) != 0;
                            codes[k][i] = tuples.at(g, k);
                        }
                    }
                }
            }
        }
    }
}
