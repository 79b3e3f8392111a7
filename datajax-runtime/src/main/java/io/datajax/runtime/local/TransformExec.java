package io.datajax.runtime.local;

import io.datajax.ir.Schema;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.Relation;
import io.datajax.runtime.kernel.MemoryMeter;
import io.datajax.runtime.vector.Selector;
import io.datajax.runtime.vector.Vec;
import io.datajax.runtime.vector.VectorCompiler;
import io.datajax.runtime.vector.VectorExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link TransformProgram} as one pass: per chunk, the predicates narrow a selection vector (row ids
 * of the input that survive); then computed output columns are evaluated only on surviving rows and
 * written straight into the output arrays, while pass-through columns are not copied at all: they become
 * views through the selection (or stay the input column when every row survives). Preserves input order.
 */
final class TransformExec {
    private TransformExec() {
    }

    /** The output of {@code program} over {@code input}, with {@code schema}. */
    static Relation run(TransformProgram program, Schema schema, Relation input, ExecOptions options, Parallel parallel,
            MemoryMeter meter) {
        VectorCompiler compiler = new VectorCompiler(input);
        int rows = input.rowCount();
        int chunks = options.chunks(rows);
        int[][] selections = null;
        int[] offsets = new int[chunks + 1];
        int[] selection = null;
        if (!program.predicates().isEmpty()) {
            int[][] kept = new int[chunks][];
            parallel.run(chunks, chunk -> kept[chunk] = select(program.predicates(), compiler,
                    ExecOptions.chunkStart(rows, chunks, chunk), ExecOptions.chunkStart(rows, chunks, chunk + 1), options));
            for (int c = 0; c < chunks; c++) {
                offsets[c + 1] = offsets[c] + kept[c].length;
            }
            if (offsets[chunks] < rows) {
                selections = kept;
                selection = new int[offsets[chunks]];
                for (int c = 0; c < chunks; c++) {
                    System.arraycopy(kept[c], 0, selection, offsets[c], kept[c].length);
                }
                meter.add(8L * selection.length);
            }
        }
        if (selections == null) {
            for (int c = 0; c <= chunks; c++) {
                offsets[c] = ExecOptions.chunkStart(rows, chunks, c);
            }
        }
        int outRows = selection == null ? rows : selection.length;
        List<NamedExpr> outputs = program.outputs();
        List<Column> bases = new ArrayList<>(outputs.size());
        List<int[]> maps = new ArrayList<>(outputs.size());
        List<Integer> computed = new ArrayList<>();
        List<Integer> passThrough = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            bases.add(null);
            maps.add(null);
            if (outputs.get(i).expr() instanceof ColumnRef) {
                passThrough.add(i);
            } else {
                computed.add(i);
            }
        }
        if (!passThrough.isEmpty()) {
            List<Integer> indexes = new ArrayList<>();
            for (int i : passThrough) {
                indexes.add(input.schema().indexOf(((ColumnRef) outputs.get(i).expr()).name()));
            }
            List<Column> picked = new ArrayList<>();
            List<int[]> pickedMaps = new ArrayList<>();
            Relation.pick(input, selection, indexes, picked, pickedMaps);
            for (int j = 0; j < passThrough.size(); j++) {
                bases.set(passThrough.get(j), picked.get(j));
                maps.set(passThrough.get(j), pickedMaps.get(j));
            }
        }
        if (!computed.isEmpty()) {
            ColumnSink[] sinks = new ColumnSink[computed.size()];
            for (int j = 0; j < sinks.length; j++) {
                Expr expr = outputs.get(computed.get(j)).expr();
                sinks[j] = new ColumnSink(expr.type(), outRows, compiler.compile(expr).nullable());
            }
            int[][] chunkSelections = selections;
            parallel.run(chunks, chunk -> {
                List<Expr> exprs = new ArrayList<>();
                for (int i : computed) {
                    exprs.add(outputs.get(i).expr());
                }
                int start = ExecOptions.chunkStart(rows, chunks, chunk);
                int end = ExecOptions.chunkStart(rows, chunks, chunk + 1);
                evaluate(compiler, exprs, sinks, chunkSelections == null ? null : chunkSelections[chunk], start, end,
                        offsets[chunk], options.vectorSize());
            });
            for (int j = 0; j < sinks.length; j++) {
                Column column = sinks[j].column();
                bases.set(computed.get(j), column);
                meter.add(column.estimatedBytes());
            }
        }
        Relation out = new Relation(schema, bases, maps, outRows);
        meter.add(out.mapBytes());
        return out;
    }

    /** The surviving row ids of {@code [start, end)}. */
    private static int[] select(List<Expr> predicates, VectorCompiler compiler, int start, int end, ExecOptions options) {
        int size = options.vectorSize();
        List<Selector> selectors = new ArrayList<>();
        for (Expr predicate : predicates) {
            selectors.add(compiler.selector(predicate));
        }
        int[] sel = new int[size];
        int[] out = new int[Math.max(0, end - start)];
        int count = 0;
        for (int from = start; from < end; from += size) {
            int length = Math.min(size, end - from);
            for (int i = 0; i < length; i++) {
                sel[i] = from + i;
            }
            int n = length;
            for (Selector selector : selectors) {
                n = selector.select(sel, n, sel);
                if (n == 0) {
                    break;
                }
            }
            System.arraycopy(sel, 0, out, count, n);
            count += n;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** Evaluates {@code exprs} on the rows of a chunk (its selection, or all of {@code [start, end)}). */
    private static void evaluate(VectorCompiler compiler, List<Expr> exprs, ColumnSink[] sinks, int[] selection,
            int start, int end, int offset, int size) {
        VectorExpr[] compiled = new VectorExpr[exprs.size()];
        Vec[] vecs = new Vec[compiled.length];
        for (int j = 0; j < compiled.length; j++) {
            compiled[j] = compiler.compile(exprs.get(j));
            vecs[j] = compiled[j].newVec(size);
        }
        int[] sel = new int[size];
        int total = selection == null ? end - start : selection.length;
        for (int done = 0; done < total; done += size) {
            int n = Math.min(size, total - done);
            if (selection == null) {
                for (int i = 0; i < n; i++) {
                    sel[i] = start + done + i;
                }
            } else {
                System.arraycopy(selection, done, sel, 0, n);
            }
            for (int j = 0; j < compiled.length; j++) {
                compiled[j].eval(sel, n, vecs[j]);
                sinks[j].write(vecs[j], n, offset + done);
            }
        }
    }

    /** {@code expr} on every row of the compiler's input, single-threaded, as a flat column. */
    static Column evaluateAll(VectorCompiler compiler, Expr expr, int rows, ExecOptions options) {
        ColumnSink sink = new ColumnSink(expr.type(), rows, compiler.compile(expr).nullable());
        evaluate(compiler, List.of(expr), new ColumnSink[] {sink}, null, 0, rows, 0, options.vectorSize());
        return sink.column();
    }
}
