package io.datajax.tests.oracle;

import io.datajax.api.Agg;
import io.datajax.api.Column;
import io.datajax.api.Frame;
import io.datajax.api.Functions;
import io.datajax.api.JoinSpec;
import io.datajax.api.SortOrder;
import io.datajax.ir.DataType;
import io.datajax.ir.plan.JoinType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A random pipeline as data: steps over input 0, where a join step carries the steps of its right side
 * over input 1. The DataJax program ({@link #apply}) and the SQL ({@link SqlTranslator}) are both rendered
 * from this one description, so they cannot drift apart.
 *
 * @param steps the steps, in order
 * @param output the columns the oracle expects, from PRODUCT.md's rules
 */
record Pipeline(List<Step> steps, List<Meta> output) {

    /**
     * What the generator knows about a column.
     *
     * @param name the column name
     * @param type the type PRODUCT.md gives it
     * @param keyable whether it may be a group or sort key (no -0.0 from arithmetic, no rounding noise)
     * @param comparable whether its values are exact, so both engines agree on comparisons with it
     * @param bound an upper bound of the absolute value of integers and doubles, to rule out overflow
     */
    record Meta(String name, DataType type, boolean keyable, boolean comparable, double bound) {
        Meta withName(String newName) {
            return new Meta(newName, type, keyable, comparable, bound);
        }

        @Override
        public String toString() {
            return name + " " + type;
        }
    }

    /** One step of a pipeline. */
    sealed interface Step {
    }

    record FilterStep(Ex predicate) implements Step {
        @Override
        public String toString() {
            return "filter(" + predicate + ")";
        }
    }

    record WithColumnStep(String name, Ex expr) implements Step {
        @Override
        public String toString() {
            return "withColumn(\"" + name + "\", " + expr + ")";
        }
    }

    /** {@code select} of named expressions; a plain reference under its own name is a plain select. */
    record SelectStep(List<String> names, List<Ex> exprs) implements Step {
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                parts.add(exprs.get(i) instanceof Ex.Ref ref && ref.name().equals(names.get(i))
                        ? names.get(i) : exprs.get(i) + " as " + names.get(i));
            }
            return "select(" + String.join(", ", parts) + ")";
        }
    }

    record DropStep(String column) implements Step {
        @Override
        public String toString() {
            return "drop(\"" + column + "\")";
        }
    }

    record RenameStep(String from, String to) implements Step {
        @Override
        public String toString() {
            return "rename(\"" + from + "\", \"" + to + "\")";
        }
    }

    record JoinStep(List<Step> rightSteps, JoinType type, List<String> leftKeys, List<String> rightKeys,
            boolean nullsEqual, String leftSuffix, String rightSuffix) implements Step {
        JoinSpec spec() {
            JoinSpec spec = JoinSpec.on(leftKeys, rightKeys).type(type).suffixes(leftSuffix, rightSuffix);
            return nullsEqual ? spec.nullsEqual() : spec;
        }

        @Override
        public String toString() {
            return "join(right" + rightSteps.stream().map(s -> "." + s).collect(Collectors.joining()) + ", " + type
                    + " on " + leftKeys + "=" + rightKeys + (nullsEqual ? " nullsEqual" : "")
                    + (leftSuffix.equals("_x") ? "" : " suffixes " + leftSuffix + "/" + rightSuffix) + ")";
        }
    }

    /**
     * One aggregate: {@code function} is sum, mean, min, max, count or count_all.
     *
     * @param alias the alias, or null to use the default name
     */
    record AggSpec(String function, Ex argument, String alias, String outputName) {
        Agg toAgg() {
            Agg agg = switch (function) {
                case "sum" -> Functions.sum(argument.toColumn());
                case "mean" -> Functions.mean(argument.toColumn());
                case "min" -> Functions.min(argument.toColumn());
                case "max" -> Functions.max(argument.toColumn());
                case "count" -> Functions.count(argument.toColumn());
                case "count_all" -> Functions.count();
                default -> throw new IllegalStateException(function);
            };
            return alias == null ? agg : agg.as(alias);
        }

        String toSql() {
            return switch (function) {
                case "sum" -> "SUM(" + argument.toSql() + ")";
                case "mean" -> "AVG(" + argument.toSql() + ")";
                case "min" -> "MIN(" + argument.toSql() + ")";
                case "max" -> "MAX(" + argument.toSql() + ")";
                case "count" -> "COUNT(" + argument.toSql() + ")";
                case "count_all" -> "COUNT(*)";
                default -> throw new IllegalStateException(function);
            };
        }

        @Override
        public String toString() {
            return (function.equals("count_all") ? "count()" : function + "(" + argument + ")")
                    + (alias == null ? "" : ".as(" + alias + ")");
        }
    }

    record AggregateStep(List<String> keys, List<AggSpec> aggregates) implements Step {
        @Override
        public String toString() {
            return (keys.isEmpty() ? "" : "groupBy(" + String.join(", ", keys) + ").") + "agg("
                    + aggregates.stream().map(AggSpec::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    record SortKeySpec(String column, boolean ascending, boolean nullsFirst) {
        SortOrder toOrder() {
            SortOrder order = ascending ? Functions.asc(column) : Functions.desc(column);
            return nullsFirst ? order.nullsFirst() : order;
        }

        String toSql() {
            return Ex.quote(column) + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }

        @Override
        public String toString() {
            return (ascending ? "asc" : "desc") + "(" + column + ")" + (nullsFirst ? ".nullsFirst()" : "");
        }
    }

    record SortStep(List<SortKeySpec> keys) implements Step {
        @Override
        public String toString() {
            return "sort(" + keys.stream().map(SortKeySpec::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    record LimitStep(long count) implements Step {
        @Override
        public String toString() {
            return "limit(" + count + ")";
        }
    }

    /** {@code groupBy(keys).head(count)}: the first rows of each key group, in order. */
    record HeadStep(List<String> keys, long count) implements Step {
        @Override
        public String toString() {
            return "groupBy(" + String.join(", ", keys) + ").head(" + count + ")";
        }
    }

    record RepartitionStep(String key) implements Step {
        @Override
        public String toString() {
            return "repartition(\"" + key + "\")";
        }
    }

    /** Whether the pipeline reads input 1 (it has a join). */
    /**
     * {@code union} with the current frame after {@code otherSteps} (filters, in-place casts, a reordering
     * select); {@code output} are the union's columns by PRODUCT.md's rules.
     */
    record UnionStep(List<Step> otherSteps, List<Meta> output) implements Step {
        @Override
        public String toString() {
            return "union(df" + otherSteps.stream().map(s -> "." + s).collect(Collectors.joining()) + ")";
        }
    }

    boolean usesRightInput() {
        return steps.stream().anyMatch(s -> s instanceof JoinStep);
    }

    /** The DataJax program: these steps applied to {@code df}, a join's right side built from {@code right}. */
    Frame apply(Frame df, Frame right) {
        return apply(steps, df, right);
    }

    private static Frame apply(List<Step> steps, Frame start, Frame right) {
        Frame f = start;
        for (Step step : steps) {
            if (step instanceof FilterStep s) {
                f = f.filter(s.predicate().toColumn());
            } else if (step instanceof UnionStep s) {
                f = f.union(apply(s.otherSteps(), f, right));
            } else if (step instanceof WithColumnStep s) {
                f = f.withColumn(s.name(), s.expr().toColumn());
            } else if (step instanceof SelectStep s) {
                Column[] columns = new Column[s.names().size()];
                for (int i = 0; i < columns.length; i++) {
                    Ex ex = s.exprs().get(i);
                    String name = s.names().get(i);
                    columns[i] = ex instanceof Ex.Ref ref && ref.name().equals(name) ? ex.toColumn() : ex.toColumn().as(name);
                }
                f = f.select(columns);
            } else if (step instanceof DropStep s) {
                f = f.drop(s.column());
            } else if (step instanceof RenameStep s) {
                f = f.rename(s.from(), s.to());
            } else if (step instanceof JoinStep s) {
                f = f.join(apply(s.rightSteps(), right, null), s.spec());
            } else if (step instanceof AggregateStep s) {
                Agg[] aggs = s.aggregates().stream().map(AggSpec::toAgg).toArray(Agg[]::new);
                f = f.groupBy(s.keys().toArray(String[]::new)).agg(aggs);
            } else if (step instanceof SortStep s) {
                f = f.sort(s.keys().stream().map(SortKeySpec::toOrder).toArray(SortOrder[]::new));
            } else if (step instanceof LimitStep s) {
                f = f.limit(s.count());
            } else if (step instanceof HeadStep s) {
                f = f.groupBy(s.keys().toArray(String[]::new)).head(s.count());
            } else if (step instanceof RepartitionStep s) {
                f = f.repartition(s.key());
            } else {
                throw new IllegalStateException("unknown step " + step);
            }
        }
        return f;
    }

    /**
     * One output column of a join, as PRODUCT.md lays them out: the left columns (a right key with its left
     * key's name coalesced into the left one's place), then the right columns; other names on both sides
     * suffixed.
     *
     * @param meta the output column
     * @param sql its SQL over aliases {@code l} and {@code r}
     */
    record JoinColumn(Meta meta, String sql) {
    }

    /** The join's output columns, or null when two would share a name (a suffix collision). */
    static List<JoinColumn> joinLayout(List<Meta> left, List<Meta> right, JoinStep join) {
        List<JoinColumn> out = new ArrayList<>();
        if (join.type() == JoinType.SEMI || join.type() == JoinType.ANTI) {
            for (Meta m : left) {
                out.add(new JoinColumn(m, "l." + Ex.quote(m.name())));
            }
            return out;
        }
        Set<String> coalesced = new HashSet<>();
        for (int i = 0; i < join.leftKeys().size(); i++) {
            if (join.leftKeys().get(i).equals(join.rightKeys().get(i))) {
                coalesced.add(join.leftKeys().get(i));
            }
        }
        Set<String> leftNames = left.stream().map(Meta::name).collect(Collectors.toSet());
        Set<String> rightNames = right.stream().map(Meta::name).collect(Collectors.toSet());
        for (Meta m : left) {
            String q = Ex.quote(m.name());
            if (coalesced.contains(m.name())) {
                Meta r = right.stream().filter(x -> x.name().equals(m.name())).findFirst().orElseThrow();
                DataType type = Generator.unify(m.type(), r.type());
                out.add(new JoinColumn(new Meta(m.name(), type, m.keyable() && r.keyable(), m.comparable() && r.comparable(),
                        Math.max(m.bound(), r.bound())), "COALESCE(l." + q + ", r." + q + ")"));
            } else {
                String name = rightNames.contains(m.name()) ? m.name() + join.leftSuffix() : m.name();
                out.add(new JoinColumn(m.withName(name), "l." + q));
            }
        }
        for (Meta m : right) {
            if (coalesced.contains(m.name())) {
                continue;
            }
            String name = leftNames.contains(m.name()) ? m.name() + join.rightSuffix() : m.name();
            out.add(new JoinColumn(m.withName(name), "r." + Ex.quote(m.name())));
        }
        Set<String> seen = new HashSet<>();
        for (JoinColumn c : out) {
            if (!seen.add(c.meta().name())) {
                return null;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "df" + steps.stream().map(s -> "\n    ." + s).collect(Collectors.joining());
    }
}
