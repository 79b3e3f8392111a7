package io.datajax.planner;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import io.datajax.ir.plan.Aggregate;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinType;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import java.util.List;
import java.util.Optional;

/** Small plans and expression builders shared by the planner tests. */
public final class PlanFixtures {
    private PlanFixtures() {
    }

    /** Input 0, {@code orders(user_id INT64, unit_price FLOAT64, qty INT64, note STRING)}, blocks. */
    public static Scan orders() {
        return orders(Sharding.blocks());
    }

    /** The orders input declared with the given sharding. */
    public static Scan orders(Sharding sharding) {
        return new Scan(0, "orders", Schema.of(Field.of("user_id", DataType.INT64), Field.of("unit_price", DataType.FLOAT64),
                Field.of("qty", DataType.INT64), Field.of("note", DataType.STRING)), sharding);
    }

    /** Input 1, {@code users(user_id INT64, name STRING, note STRING)}, blocks. */
    public static Scan users() {
        return users(Sharding.blocks());
    }

    /** The users input declared with the given sharding. */
    public static Scan users(Sharding sharding) {
        return new Scan(1, "users", Schema.of(Field.of("user_id", DataType.INT64), Field.of("name", DataType.STRING),
                Field.of("note", DataType.STRING)), sharding);
    }

    /** A reference to a column of {@code node}'s output, typed as there. */
    public static ColumnRef col(PlanNode node, String name) {
        return ColumnRef.of(node.schema().field(name));
    }

    /** {@code name := expr}. */
    public static NamedExpr named(String name, Expr expr) {
        return new NamedExpr(name, expr);
    }

    /** A pass-through of {@code node}'s column. */
    public static NamedExpr keep(PlanNode node, String name) {
        return new NamedExpr(name, col(node, name));
    }

    /** A literal of a Java value. */
    public static Literal lit(Object value) {
        return Literal.of(value);
    }

    /** {@code left op right}. */
    public static Comparison cmp(Expr left, ComparisonOp op, Expr right) {
        return new Comparison(op, left, right);
    }

    /** A join with equal left and right key names and default suffixes. */
    public static Join join(PlanNode left, PlanNode right, JoinType type, String... keys) {
        return new Join(left, right, type, List.of(keys), List.of(keys), false, "_x", "_y");
    }

    /** {@code name := function(column)}. */
    public static AggCall agg(AggFunction function, PlanNode input, String column, String name) {
        return new AggCall(function, Optional.of(col(input, column)), name);
    }

    /** orders -> withColumn revenue -> filter -> join users -> filter -> groupBy user_id sum(revenue). */
    public static PlanNode pipeline() {
        Scan orders = orders();
        Project project = new Project(orders, List.of(keep(orders, "user_id"),
                named("revenue", Arithmetic.of(ArithmeticOp.MULTIPLY, col(orders, "unit_price"), col(orders, "qty"))),
                keep(orders, "note")));
        Filter filter = new Filter(project, Exprs.and(List.of(cmp(col(project, "revenue"), ComparisonOp.GT, lit(10.0)),
                cmp(col(project, "note"), ComparisonOp.EQ, lit("web")))));
        Join join = join(filter, users(), JoinType.INNER, "user_id");
        Filter named = new Filter(join, Exprs.and(List.of(cmp(col(join, "name"), ComparisonOp.EQ, lit("ann")),
                cmp(lit(1), ComparisonOp.LT, lit(2)))));
        return new Aggregate(named, List.of("user_id"), List.of(agg(AggFunction.SUM, named, "revenue", "revenue")));
    }
}
