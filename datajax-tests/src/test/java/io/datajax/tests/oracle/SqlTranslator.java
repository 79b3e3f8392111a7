package io.datajax.tests.oracle;

import static io.datajax.tests.oracle.Ex.quote;

import io.datajax.ir.DataType;
import io.datajax.ir.plan.JoinType;
import io.datajax.tests.oracle.Pipeline.AggSpec;
import io.datajax.tests.oracle.Pipeline.AggregateStep;
import io.datajax.tests.oracle.Pipeline.DropStep;
import io.datajax.tests.oracle.Pipeline.FilterStep;
import io.datajax.tests.oracle.Pipeline.HeadStep;
import io.datajax.tests.oracle.Pipeline.JoinColumn;
import io.datajax.tests.oracle.Pipeline.JoinStep;
import io.datajax.tests.oracle.Pipeline.LimitStep;
import io.datajax.tests.oracle.Pipeline.Meta;
import io.datajax.tests.oracle.Pipeline.RenameStep;
import io.datajax.tests.oracle.Pipeline.RepartitionStep;
import io.datajax.tests.oracle.Pipeline.SelectStep;
import io.datajax.tests.oracle.Pipeline.SortKeySpec;
import io.datajax.tests.oracle.Pipeline.SortStep;
import io.datajax.tests.oracle.Pipeline.Step;
import io.datajax.tests.oracle.Pipeline.UnionStep;
import io.datajax.tests.oracle.Pipeline.WithColumnStep;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link Pipeline} as one DuckDB query whose rows come out in the order PRODUCT.md gives the
 * local executor. Every intermediate relation carries a hidden, unique, non-null {@code __rn} that
 * encodes that order: input row number; kept by filter and projection; {@code ROW_NUMBER()} over (left
 * order, right order, right-only rows last) after a join; over the keys (nulls last) after an aggregate;
 * over the sort keys then the previous order after a (stable) sort.
 */
final class SqlTranslator {
    private static final String RN = "__rn";

    private SqlTranslator() {
    }

    /** A relation: SQL selecting {@code cols} and {@code __rn}. */
    private record Rel(String sql, List<Meta> cols) {
        String visible(String alias) {
            return cols.stream().map(m -> alias + "." + quote(m.name())).collect(Collectors.joining(", "));
        }
    }

    /** The query for {@code pipeline} over tables {@code t0} and {@code t1}. */
    static String translate(Pipeline pipeline, RandomTable left, RandomTable right) {
        Rel out = apply(pipeline.steps(), input(left), right);
        String columns = out.cols().stream().map(m -> quote(m.name())).collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM (" + out.sql() + ") t ORDER BY " + RN;
    }

    private static Rel input(RandomTable table) {
        String columns = table.columns().stream().map(m -> quote(m.name())).collect(Collectors.joining(", "));
        return new Rel("SELECT " + columns + ", __rid AS " + RN + " FROM " + table.name(), table.columns());
    }

    private static Rel apply(List<Step> steps, Rel start, RandomTable right) {
        Rel rel = start;
        for (Step step : steps) {
            rel = apply(step, rel, right);
        }
        return rel;
    }

    private static Rel apply(Step step, Rel in, RandomTable right) {
        if (step instanceof FilterStep s) {
            return new Rel("SELECT * FROM (" + in.sql() + ") t WHERE " + s.predicate().toSql(), in.cols());
        } else if (step instanceof WithColumnStep s) {
            List<String> items = new ArrayList<>();
            List<Meta> cols = new ArrayList<>();
            boolean replaced = false;
            Meta added = new Meta(s.name(), s.expr().type(), false, false, 0);
            for (Meta m : in.cols()) {
                if (m.name().equals(s.name())) {
                    items.add(s.expr().toSql() + " AS " + quote(s.name()));
                    cols.add(added);
                    replaced = true;
                } else {
                    items.add(quote(m.name()));
                    cols.add(m);
                }
            }
            if (!replaced) {
                items.add(s.expr().toSql() + " AS " + quote(s.name()));
                cols.add(added);
            }
            return project(in, items, cols);
        } else if (step instanceof SelectStep s) {
            List<String> items = new ArrayList<>();
            List<Meta> cols = new ArrayList<>();
            for (int i = 0; i < s.names().size(); i++) {
                items.add(s.exprs().get(i).toSql() + " AS " + quote(s.names().get(i)));
                cols.add(new Meta(s.names().get(i), s.exprs().get(i).type(), false, false, 0));
            }
            return project(in, items, cols);
        } else if (step instanceof DropStep s) {
            List<Meta> cols = in.cols().stream().filter(m -> !m.name().equals(s.column())).toList();
            return project(in, cols.stream().map(m -> quote(m.name())).toList(), cols);
        } else if (step instanceof RenameStep s) {
            List<String> items = new ArrayList<>();
            List<Meta> cols = new ArrayList<>();
            for (Meta m : in.cols()) {
                String name = m.name().equals(s.from()) ? s.to() : m.name();
                items.add(quote(m.name()) + " AS " + quote(name));
                cols.add(m.withName(name));
            }
            return project(in, items, cols);
        } else if (step instanceof JoinStep s) {
            return join(s, in, apply(s.rightSteps(), input(right), null));
        } else if (step instanceof AggregateStep s) {
            return aggregate(s, in);
        } else if (step instanceof SortStep s) {
            String order = s.keys().stream().map(SortKeySpec::toSql).collect(Collectors.joining(", "));
            return new Rel("SELECT " + in.visible("t") + ", ROW_NUMBER() OVER (ORDER BY " + order + ", t." + RN + ") AS "
                    + RN + " FROM (" + in.sql() + ") t", in.cols());
        } else if (step instanceof LimitStep s) {
            return new Rel("SELECT * FROM (" + in.sql() + ") t ORDER BY " + RN + " LIMIT " + s.count(), in.cols());
        } else if (step instanceof HeadStep s) {
            String partition = s.keys().stream().map(k -> "t." + quote(k)).collect(Collectors.joining(", "));
            return new Rel("SELECT " + in.visible("t") + ", t." + RN + " FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY "
                    + partition + " ORDER BY t." + RN + ") AS __head FROM (" + in.sql() + ") t) t WHERE __head <= "
                    + s.count(), in.cols());
        } else if (step instanceof RepartitionStep) {
            return in;
        } else if (step instanceof UnionStep s) {
            return union(in, apply(s.otherSteps(), in, right), s.output());
        }
        throw new IllegalStateException("unknown step " + step);
    }

    /** UNION ALL by name: left rows, then right rows, each column cast to the promoted type. */
    private static Rel union(Rel left, Rel right, List<Meta> cols) {
        List<String> leftItems = new ArrayList<>();
        List<String> rightItems = new ArrayList<>();
        for (Meta m : cols) {
            DataType type = m.type();
            leftItems.add("CAST(l." + quote(m.name()) + " AS " + Ex.sqlType(type) + ") AS " + quote(m.name()));
            rightItems.add("CAST(r." + quote(m.name()) + " AS " + Ex.sqlType(type) + ") AS " + quote(m.name()));
        }
        String names = cols.stream().map(m -> quote(m.name())).collect(Collectors.joining(", "));
        return new Rel("SELECT " + names + ", ROW_NUMBER() OVER (ORDER BY __side, __rn0) AS " + RN + " FROM ("
                + "SELECT " + String.join(", ", leftItems) + ", 0 AS __side, l." + RN + " AS __rn0 FROM (" + left.sql()
                + ") l UNION ALL SELECT " + String.join(", ", rightItems) + ", 1 AS __side, r." + RN + " AS __rn0 FROM ("
                + right.sql() + ") r) u", cols);
    }

    private static Rel project(Rel in, List<String> items, List<Meta> cols) {
        List<String> all = new ArrayList<>(items);
        all.add(RN);
        return new Rel("SELECT " + String.join(", ", all) + " FROM (" + in.sql() + ") t", cols);
    }

    private static Rel join(JoinStep join, Rel left, Rel right) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < join.leftKeys().size(); i++) {
            conditions.add("l." + quote(join.leftKeys().get(i)) + (join.nullsEqual() ? " IS NOT DISTINCT FROM " : " = ")
                    + "r." + quote(join.rightKeys().get(i)));
        }
        String on = String.join(" AND ", conditions);
        if (join.type() == JoinType.SEMI || join.type() == JoinType.ANTI) {
            return new Rel("SELECT l.* FROM (" + left.sql() + ") l WHERE " + (join.type() == JoinType.ANTI ? "NOT " : "")
                    + "EXISTS (SELECT 1 FROM (" + right.sql() + ") r WHERE " + on + ")", left.cols());
        }
        List<JoinColumn> layout = Pipeline.joinLayout(left.cols(), right.cols(), join);
        String items = layout.stream().map(c -> c.sql() + " AS " + quote(c.meta().name())).collect(Collectors.joining(", "));
        String kind = switch (join.type()) {
            case INNER -> "INNER JOIN";
            case LEFT -> "LEFT JOIN";
            case RIGHT -> "RIGHT JOIN";
            case FULL -> "FULL OUTER JOIN";
            default -> throw new IllegalStateException(join.type().toString());
        };
        return new Rel("SELECT " + items + ", ROW_NUMBER() OVER (ORDER BY l." + RN + " NULLS LAST, r." + RN
                + " NULLS LAST) AS " + RN + " FROM (" + left.sql() + ") l " + kind + " (" + right.sql() + ") r ON " + on,
                layout.stream().map(JoinColumn::meta).toList());
    }

    private static Rel aggregate(AggregateStep step, Rel in) {
        List<String> items = new ArrayList<>();
        List<Meta> cols = new ArrayList<>();
        for (String key : step.keys()) {
            items.add(quote(key));
            cols.add(in.cols().stream().filter(m -> m.name().equals(key)).findFirst().orElseThrow());
        }
        for (AggSpec agg : step.aggregates()) {
            items.add(agg.toSql() + " AS " + quote(agg.outputName()));
            cols.add(new Meta(agg.outputName(), DataType.INT64, false, false, 0));
        }
        if (step.keys().isEmpty()) {
            return new Rel("SELECT " + String.join(", ", items) + ", 1 AS " + RN + " FROM (" + in.sql() + ") t", cols);
        }
        String keys = step.keys().stream().map(Ex::quote).collect(Collectors.joining(", "));
        String order = step.keys().stream().map(k -> quote(k) + " ASC NULLS LAST").collect(Collectors.joining(", "));
        return new Rel("SELECT " + String.join(", ", items) + ", ROW_NUMBER() OVER (ORDER BY " + order + ") AS " + RN
                + " FROM (" + in.sql() + ") t GROUP BY " + keys, cols);
    }
}
