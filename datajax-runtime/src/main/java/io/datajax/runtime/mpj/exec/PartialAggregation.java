package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.Cast;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An aggregation split into a partial step (run on each rank's rows before the exchange) and a final
 * step (run on the exchanged partial states of each group):
 *
 * <pre>
 * Aggregate[keys=[k], s := sum(x), m := mean(y), n := count(), lo := min(z)]
 *   partial: Aggregate[keys=[k], __p0 := sum(x), __p1 := sum(CAST(y AS FLOAT64)), __p2 := count(y), __p3 := count(*), __p4 := min(z)]
 *   final:   Aggregate[keys=[k], s := sum(__p0), __f1 := sum(__p1), __f2 := sum(__p2), n := sum(__p3), lo := min(__p4)]
 *            Project[k, s, m := __f1 / __f2, n, lo]            (only when there is a mean)
 * </pre>
 *
 * Sums of sums and counts, minima of minima and maxima of maxima; a mean carries its FLOAT64 sum and its
 * count (as the local kernel sums a mean's values as doubles). Nulls: a partial sum over no non-null
 * values is null and is skipped by the final sum, so an all-null group still gives null; a count is never
 * null. Immutable.
 *
 * @param partial the per-rank step, over the original aggregate's input
 * @param finalNodes the nodes that turn partial states (keys, then partial columns) into the original
 *     aggregate's output: an aggregate, then possibly a projection
 */
record PartialAggregation(Aggregate partial, List<PlanNode> finalNodes) {
    PartialAggregation {
        requireNonNull(partial, "partial is null");
        finalNodes = List.copyOf(finalNodes);
    }

    /** The split of {@code aggregate}. */
    static PartialAggregation of(Aggregate aggregate) {
        Set<String> taken = new HashSet<>(aggregate.keys());
        for (AggCall call : aggregate.aggregates()) {
            taken.add(call.name());
        }
        List<AggCall> partials = new ArrayList<>();
        List<String[]> partialNames = new ArrayList<>();
        for (AggCall call : aggregate.aggregates()) {
            Optional<Expr> arg = call.argument();
            switch (call.function()) {
                case MEAN -> {
                    Expr value = arg.orElseThrow();
                    Expr asDouble = value.type() == DataType.FLOAT64 ? value : new Cast(value, DataType.FLOAT64);
                    String sum = fresh("__p" + partials.size(), taken);
                    partials.add(new AggCall(AggFunction.SUM, Optional.of(asDouble), sum));
                    String count = fresh("__p" + partials.size(), taken);
                    partials.add(new AggCall(AggFunction.COUNT, Optional.of(value), count));
                    partialNames.add(new String[] {sum, count});
                }
                default -> {
                    String name = fresh("__p" + partials.size(), taken);
                    partials.add(new AggCall(call.function(), arg, name));
                    partialNames.add(new String[] {name});
                }
            }
        }
        Aggregate partial = new Aggregate(aggregate.input(), aggregate.keys(), partials);

        List<AggCall> finals = new ArrayList<>();
        List<NamedExpr> projection = new ArrayList<>();
        boolean needsProjection = false;
        for (String key : aggregate.keys()) {
            projection.add(new NamedExpr(key, ColumnRef.of(partial.schema().field(key))));
        }
        for (int i = 0; i < aggregate.aggregates().size(); i++) {
            AggCall call = aggregate.aggregates().get(i);
            String[] names = partialNames.get(i);
            switch (call.function()) {
                case MEAN -> {
                    needsProjection = true;
                    String sum = fresh("__f" + finals.size(), taken);
                    finals.add(new AggCall(AggFunction.SUM, Optional.of(ref(partial, names[0])), sum));
                    String count = fresh("__f" + finals.size(), taken);
                    finals.add(new AggCall(AggFunction.SUM, Optional.of(ref(partial, names[1])), count));
                    Field sumField = finals.get(finals.size() - 2).field();
                    Field countField = finals.get(finals.size() - 1).field();
                    projection.add(new NamedExpr(call.name(), Arithmetic.of(ArithmeticOp.DIVIDE,
                            ColumnRef.of(sumField), ColumnRef.of(countField))));
                }
                case SUM, COUNT, COUNT_ALL -> {
                    finals.add(new AggCall(AggFunction.SUM, Optional.of(ref(partial, names[0])), call.name()));
                    projection.add(new NamedExpr(call.name(), ColumnRef.of(finals.get(finals.size() - 1).field())));
                }
                case MIN, MAX -> {
                    finals.add(new AggCall(call.function(), Optional.of(ref(partial, names[0])), call.name()));
                    projection.add(new NamedExpr(call.name(), ColumnRef.of(finals.get(finals.size() - 1).field())));
                }
            }
        }
        Aggregate last = new Aggregate(partial, aggregate.keys(), finals);
        List<PlanNode> finalNodes = needsProjection ? List.of(last, new Project(last, projection)) : List.of(last);
        return new PartialAggregation(partial, finalNodes);
    }

    private static ColumnRef ref(Aggregate partial, String name) {
        return ColumnRef.of(partial.schema().field(name));
    }

    private static String fresh(String base, Set<String> taken) {
        String name = base;
        for (int i = 1; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        taken.add(name);
        return name;
    }
}
