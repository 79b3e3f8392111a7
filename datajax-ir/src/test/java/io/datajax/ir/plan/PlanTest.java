package io.datajax.ir.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.NamedExpr;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTest {
    private static final Scan ORDERS = new Scan(0, "orders", Schema.of(Field.of("user_id", DataType.INT64),
            Field.of("price", DataType.FLOAT64), Field.of("qty", DataType.INT32)), Sharding.blocks());
    private static final Scan USERS = new Scan(1, "users", Schema.of(Field.of("user_id", DataType.INT32),
            Field.of("price", DataType.FLOAT64), Field.of("name", DataType.STRING)), Sharding.blocks());

    private static ColumnRef ref(PlanNode node, String name) {
        return ColumnRef.of(node.schema().field(name));
    }

    private static Join join(JoinType type, String leftSuffix, String rightSuffix) {
        return new Join(ORDERS, USERS, type, List.of("user_id"), List.of("user_id"), false, leftSuffix, rightSuffix);
    }

    @Test
    void joinCoalescesSameNamedKeysAndSuffixesOverlaps() {
        Join join = join(JoinType.INNER, "_x", "_y");
        assertThat(join.schema()).hasToString("(user_id INT64, price_x FLOAT64, qty INT32, price_y FLOAT64, name STRING)");
        assertThat(join.keyTypes()).containsExactly(DataType.INT64);
        assertThat(join.columns().get(0).isCoalesced()).isTrue();
    }

    @Test
    void joinWithDifferentKeyNamesKeepsBoth() {
        Scan other = new Scan(1, "other", Schema.of(Field.of("uid", DataType.INT64), Field.of("v", DataType.STRING)),
                Sharding.blocks());
        Join join = new Join(ORDERS, other, JoinType.LEFT, List.of("user_id"), List.of("uid"), false, "_x", "_y");
        assertThat(join.schema().names()).containsExactly("user_id", "price", "qty", "uid", "v");
    }

    @Test
    void semiJoinOutputsLeftColumnsOnly() {
        assertThat(join(JoinType.SEMI, "_x", "_y").schema()).isEqualTo(ORDERS.schema());
    }

    @Test
    void joinSuffixCollisionIsAnError() {
        Scan left = new Scan(0, "l", Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64),
                Field.of("v_x", DataType.INT64)), Sharding.blocks());
        Scan right = new Scan(1, "r", Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64)),
                Sharding.blocks());
        assertThatThrownBy(() -> new Join(left, right, JoinType.INNER, List.of("k"), List.of("k"), false, "_x", "_y"))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("two columns named 'v_x' after adding suffixes '_x'/'_y'")
                .hasMessageContaining("left columns [k, v, v_x], right columns [k, v]");
    }

    @Test
    void joinKeyProblemsAreNamed() {
        assertThatThrownBy(() -> new Join(ORDERS, USERS, JoinType.INNER, List.of("user"), List.of("user_id"), false, "_x", "_y"))
                .hasMessageContaining("Join key 'user' is not a column of the left input. Did you mean 'user_id'?");
        assertThatThrownBy(() -> new Join(ORDERS, USERS, JoinType.INNER, List.of("user_id", "price"), List.of("user_id"),
                false, "_x", "_y")).hasMessageContaining("same number of left and right keys");
        assertThatThrownBy(() -> new Join(ORDERS, USERS, JoinType.INNER, List.of("user_id"), List.of("name"), false, "_x", "_y"))
                .hasMessageContaining("Join keys 'user_id' (INT64) and 'name' (STRING) have incompatible types");
    }

    @Test
    void aggregateOutputNamesMustBeUnique() {
        AggCall sum = new AggCall(AggFunction.SUM, Optional.of(ref(ORDERS, "price")), "price");
        AggCall max = new AggCall(AggFunction.MAX, Optional.of(ref(ORDERS, "price")), "price");
        assertThatThrownBy(() -> new Aggregate(ORDERS, List.of("user_id"), List.of(sum, max)))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Two outputs of the aggregation are named 'price'")
                .hasMessageContaining(".as(\"price_max\")")
                .extracting(e -> ((SchemaException) e).code()).isEqualTo(ErrorCode.AGGREGATE_NAME_COLLISION);
    }

    @Test
    void aggregateTypesFollowTheContract() {
        Aggregate agg = new Aggregate(ORDERS, List.of("user_id"), List.of(
                new AggCall(AggFunction.SUM, Optional.of(ref(ORDERS, "qty")), "qty"),
                new AggCall(AggFunction.MEAN, Optional.of(ref(ORDERS, "qty")), "mean_qty"),
                new AggCall(AggFunction.MIN, Optional.of(ref(ORDERS, "qty")), "min_qty"),
                new AggCall(AggFunction.COUNT_ALL, Optional.empty(), "count")));
        assertThat(agg.schema()).hasToString(
                "(user_id INT64, qty INT64, mean_qty FLOAT64, min_qty INT32, count INT64 NOT NULL)");
    }

    @Test
    void printerShowsTheTreeWithSchemas() {
        PlanNode plan = new Project(new Filter(ORDERS, new Comparison(ComparisonOp.GT, ref(ORDERS, "qty"), Literal.of(1))),
                List.of(new NamedExpr("user_id", ref(ORDERS, "user_id")),
                        new NamedExpr("revenue", Arithmetic.of(ArithmeticOp.MULTIPLY, ref(ORDERS, "price"), ref(ORDERS, "qty")))));
        assertThat(PlanPrinter.print(plan)).isEqualTo("""
                Project[user_id, revenue := (price * qty)] -> (user_id INT64, revenue FLOAT64)
                  Filter[(qty > 1)] -> (user_id INT64, price FLOAT64, qty INT32)
                    Scan[0: orders (user_id INT64, price FLOAT64, qty INT32), blocks] -> (user_id INT64, price FLOAT64, qty INT32)
                """);
    }

    @Test
    void printerTagsSharedSubPlansOnce() {
        PlanNode shared = new Filter(ORDERS, new Comparison(ComparisonOp.GT, ref(ORDERS, "qty"), Literal.of(1)));
        PlanNode self = new Join(shared, shared, JoinType.INNER, List.of("user_id"), List.of("user_id"), false, "_l", "_r");
        assertThat(PlanPrinter.print(self)).isEqualTo("""
                Join[INNER, on=[user_id], suffixes=_l/_r] -> (user_id INT64, price_l FLOAT64, qty_l INT32, price_r FLOAT64, qty_r INT32)
                  #1 Filter[(qty > 1)] -> (user_id INT64, price FLOAT64, qty INT32)
                    Scan[0: orders (user_id INT64, price FLOAT64, qty INT32), blocks] -> (user_id INT64, price FLOAT64, qty INT32)
                  #1
                """);
    }

    @Test
    void codecRoundTripsEveryNodeKind() {
        PlanNode filtered = new Filter(ORDERS, new Comparison(ComparisonOp.LT, ref(ORDERS, "price"), Literal.of(2.5)));
        PlanNode joined = new Join(filtered, USERS, JoinType.FULL, List.of("user_id"), List.of("user_id"), true, "_a", "_b");
        PlanNode projected = new Project(joined, List.of(new NamedExpr("user_id", ref(joined, "user_id")),
                new NamedExpr("day", Literal.of(LocalDate.of(2024, 2, 29))),
                new NamedExpr("name", ref(joined, "name"))));
        PlanNode aggregated = new Aggregate(projected, List.of("user_id", "day"), List.of(
                new AggCall(AggFunction.COUNT, Optional.of(ref(projected, "name")), "n")));
        PlanNode plan = new Limit(new Sort(new Repartition(aggregated, Sharding.byKey("user_id")),
                List.of(new SortKey("n", false, true))), 10);
        PlanNode decoded = PlanCodec.decode(PlanCodec.encode(plan));
        assertThat(decoded).isEqualTo(plan);
        assertThat(PlanPrinter.print(decoded)).isEqualTo(PlanPrinter.print(plan));
    }

    @Test
    void codecRejectsForeignClasses() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of("x")));
        }
        assertThatThrownBy(() -> PlanCodec.decode(bytes.toByteArray()))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Cannot decode a serialised plan");
    }

    @Test
    void verifierAcceptsValidPlansAndRejectsInconsistentScans() {
        PlanNode plan = new Filter(ORDERS, new Comparison(ComparisonOp.GT, ref(ORDERS, "qty"), Literal.of(1)));
        PlanVerifier.verify(plan);
        Scan conflicting = new Scan(0, "orders", USERS.schema(), Sharding.blocks());
        PlanNode bad = new Join(ORDERS, conflicting, JoinType.INNER, List.of("user_id"), List.of("user_id"), false, "_x", "_y");
        assertThatThrownBy(() -> PlanVerifier.verify(bad)).hasMessageContaining("input 0 is scanned as both");
    }

    @Test
    void filterRejectsNonBooleanPredicates() {
        assertThatThrownBy(() -> new Filter(ORDERS, ref(ORDERS, "qty")))
                .hasMessageContaining("the predicate 'qty' is INT32; a filter needs BOOLEAN");
    }

    @Test
    void transformUpKeepsSharedSubPlansShared() {
        PlanNode shared = new Filter(ORDERS, new Comparison(ComparisonOp.GT, ref(ORDERS, "qty"), Literal.of(1)));
        Join self = new Join(shared, shared, JoinType.INNER, List.of("user_id"), List.of("user_id"), false, "_l", "_r");
        Join rewritten = (Join) Plans.transformUp(self, n -> n instanceof Filter f
                ? new Filter(f.input(), new Comparison(ComparisonOp.GT, ref(ORDERS, "qty"), Literal.of(2))) : n);
        assertThat(rewritten.left()).isSameAs(rewritten.right());
        assertThat(Plans.size(rewritten)).isEqualTo(3);
    }
}
