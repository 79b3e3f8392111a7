package io.datajax.tests.conformance;

import static io.datajax.api.Functions.asc;
import static io.datajax.api.Functions.coalesce;
import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.count;
import static io.datajax.api.Functions.desc;
import static io.datajax.api.Functions.lit;
import static io.datajax.api.Functions.max;
import static io.datajax.api.Functions.mean;
import static io.datajax.api.Functions.min;
import static io.datajax.api.Functions.nullOf;
import static io.datajax.api.Functions.sum;
import static io.datajax.tests.conformance.ConformanceCase.Order.ANY;
import static io.datajax.tests.conformance.ConformanceCase.Order.FIXED;
import static io.datajax.tests.conformance.ConformanceCase.Order.INPUT;
import static io.datajax.tests.conformance.ConformanceCase.header;
import static io.datajax.tests.conformance.ConformanceCase.test;
import static io.datajax.tests.tables.Rows.row;
import static io.datajax.tests.tables.TestTables.booleans;
import static io.datajax.tests.tables.TestTables.dates;
import static io.datajax.tests.tables.TestTables.day;
import static io.datajax.tests.tables.TestTables.doubles;
import static io.datajax.tests.tables.TestTables.ints;
import static io.datajax.tests.tables.TestTables.longs;
import static io.datajax.tests.tables.TestTables.strings;
import static io.datajax.tests.tables.TestTables.table;

import io.datajax.api.JoinSpec;
import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The conformance cases, by area of PRODUCT.md's semantics. Every expected row is computed by hand from
 * the contract, never by running DataJax. Tables are built fresh for each case so that no case can see
 * another's data.
 */
public final class ConformanceCases {
    private ConformanceCases() {
    }

    /** Every case, grouped by area, in a stable order. */
    public static Map<String, List<ConformanceCase>> byArea() {
        Map<String, List<ConformanceCase>> areas = new LinkedHashMap<>();
        areas.put("nulls and arithmetic", nullsAndArithmetic());
        areas.put("three-valued logic and filters", logicAndFilters());
        areas.put("types, promotion and casts", typesAndCasts());
        areas.put("projections, aliases and shadowing", projections());
        areas.put("joins", joins());
        areas.put("aggregation", aggregation());
        areas.put("sort, limit and repartition", sortLimitRepartition());
        areas.put("empty inputs", emptyInputs());
        areas.put("union, coalesce and head per key", unionCoalesceHead());
        areas.put("readme demo", demo());
        return areas;
    }

    static List<ConformanceCase> nullsAndArithmetic() {
        return List.of(
                test("arithmetic with a null operand is null")
                        .given(table("t", ints("a", 1, null, 3, -4), longs("b", 10L, 20L, null, 40L),
                                doubles("x", 1.5, null, 0.0, -2.0)))
                        .pipeline(df -> df.select(col("a"), col("a").plus(col("b")).as("s"),
                                col("b").minus(col("a")).as("d"), col("a").multiply(col("x")).as("p")))
                        .returns(header("a INT32", "s INT64", "d INT64", "p FLOAT64"), INPUT,
                                row(1, 11L, 9L, 1.5),
                                row(null, null, null, null),
                                row(3, null, null, 0.0),
                                row(-4, 36L, 44L, 8.0)),
                test("a typed null literal makes every result null and sets the type")
                        .given(table("t", ints("a", 1, 2)))
                        .pipeline(df -> df.withColumn("n", col("a").plus(nullOf(DataType.INT64))))
                        .returns(header("a INT32", "n INT64"), INPUT, row(1, null), row(2, null)),
                test("an untyped null literal takes the other operand's type")
                        .given(table("t", ints("a", 1, 2)))
                        .pipeline(df -> df.withColumn("n", col("a").multiply(lit(null))))
                        .returns(header("a INT32", "n INT32"), INPUT, row(1, null), row(2, null)),
                test("division always yields FLOAT64, also for integers")
                        .given(table("t", ints("a", 7, -7, 6), longs("b", 2L, 2L, 4L)))
                        .pipeline(df -> df.select(col("a").divide(col("b")).as("q"), col("a").divide(2).as("h"),
                                col("b").divide(col("b")).as("one")))
                        .returns(header("q FLOAT64", "h FLOAT64", "one FLOAT64"), INPUT,
                                row(3.5, 3.5, 1.0), row(-3.5, -3.5, 1.0), row(1.5, 3.0, 1.0)),
                test("division by zero follows IEEE 754, for floats and integers alike")
                        .given(table("t", doubles("x", 1.0, -1.0, 2.0), doubles("y", 0.0, 0.0, null),
                                ints("a", 1, -1, 3)))
                        .pipeline(df -> df.select(col("x").divide(col("y")).as("q"), col("a").divide(0).as("r")))
                        .returns(header("q FLOAT64", "r FLOAT64"), INPUT,
                                row(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
                                row(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY),
                                row(null, Double.POSITIVE_INFINITY)),
                test("NaN from 0.0/0.0 is a value, not null: IS NULL is false and count(col) counts it")
                        .given(table("t", doubles("x", 0.0, 1.0), doubles("y", 0.0, 2.0)))
                        .pipeline(df -> df.withColumn("r", col("x").divide(col("y")))
                                .withColumn("r_is_null", col("r").isNull())
                                .filter(col("r").isNotNull())
                                .groupBy("r_is_null")
                                .agg(count("r").as("non_null"), count()))
                        .returns(header("r_is_null BOOLEAN", "non_null INT64", "count INT64"), FIXED,
                                row(false, 2L, 2L)),
                test("a computed NaN shows as missing in the output table (TablesawConverter: Tablesaw stores missing"
                        + " doubles as NaN)")
                        .given(table("t", doubles("x", 0.0, 1.0), doubles("y", 0.0, 2.0)))
                        .pipeline(df -> df.select(col("x").divide(col("y")).as("r")))
                        .returns(header("r FLOAT64"), INPUT, row((Object) null), row(0.5)),
                test("integer remainder by zero is null; the sign follows the dividend")
                        .given(table("t", ints("a", 7, -7, 7, null, 7), ints("m", 0, 3, -3, 2, null)))
                        .pipeline(df -> df.select(col("a").mod(col("m")).as("r"), col("a").mod(0L).as("r0")))
                        .returns(header("r INT32", "r0 INT64"), INPUT,
                                row(null, null), row(-1, null), row(1, null), row(null, null), row(null, null)),
                test("INT32 addition overflow is an error, not a wrap")
                        .given(table("t", ints("a", 1, Integer.MAX_VALUE)))
                        .pipeline(df -> df.withColumn("b", col("a").plus(1)))
                        .fails(ExecutionException.class, ErrorCode.INTEGER_OVERFLOW, null),
                test("INT32 multiplication overflow is an error")
                        .given(table("t", ints("a", 65536)))
                        .pipeline(df -> df.withColumn("b", col("a").multiply(col("a"))))
                        .fails(ExecutionException.class, ErrorCode.INTEGER_OVERFLOW, null),
                test("INT64 subtraction overflow is an error")
                        .given(table("t", longs("b", -Long.MAX_VALUE)))
                        .pipeline(df -> df.withColumn("c", col("b").minus(2L)))
                        .fails(ExecutionException.class, ErrorCode.INTEGER_OVERFLOW, null),
                test("INT64 sum overflow is an error")
                        .given(table("t", longs("b", Long.MAX_VALUE, 1L)))
                        .pipeline(df -> df.agg(sum("b")))
                        .fails(ExecutionException.class, ErrorCode.INTEGER_OVERFLOW, null),
                test("INT32 values are promoted before arithmetic with INT64, so the result does not overflow")
                        .given(table("t", ints("a", Integer.MAX_VALUE)))
                        .pipeline(df -> df.select(col("a").plus(1L).as("b")))
                        .returns(header("b INT64"), INPUT, row(2147483648L)),
                test("a sum of INT32 is INT64 and does not overflow at the INT32 range")
                        .given(table("t", ints("a", Integer.MAX_VALUE, 1)))
                        .pipeline(df -> df.agg(sum("a")))
                        .returns(header("a INT64"), FIXED, row(2147483648L)));
    }

    private static Table ninePairs() {
        Boolean t = true;
        Boolean f = false;
        return table("t", ints("id", 1, 2, 3, 4, 5, 6, 7, 8, 9),
                booleans("p", t, t, t, f, f, f, null, null, null),
                booleans("q", t, f, null, t, f, null, t, f, null));
    }

    static List<ConformanceCase> logicAndFilters() {
        return List.of(
                test("no comparison selects a missing double, whatever the operator (Tablesaw stores it as NaN)")
                        .given(table("t", doubles("x", 1.0, null, 3.0, null, 2.0)))
                        .pipeline(df -> df.filter(col("x").gt(0.5)).filter(col("x").ge(1.0)).filter(col("x").ne(2.0))
                                .filter(col("x").le(3.0)).filter(col("x").lt(4.0)))
                        .returns(header("x FLOAT64"), INPUT, row(1.0), row(3.0)),
                test("a filtered aggregate over doubles with missing values skips them in the filter and the sums")
                        .given(table("t", doubles("x", 1.0, null, 3.0, 5.0, 2.0), doubles("y", null, 4.0, 0.5, 2.0, 1.0)))
                        .pipeline(df -> df.filter(col("x").ge(1.0).and(col("x").ne(2.0)).and(col("y").gt(0.0)))
                                .agg(sum(col("x").multiply(col("y"))).as("s"), sum("y").as("sy"), count("x").as("n"),
                                        count()))
                        .returns(header("s FLOAT64", "sy FLOAT64", "n INT64", "count INT64"), FIXED,
                                row(11.5, 2.5, 2L, 2L)),
                test("comparisons with null give null")
                        .given(table("t", ints("a", 1, null, 3), longs("b", 2L, 2L, null)))
                        .pipeline(df -> df.select(col("a").lt(col("b")).as("lt"), col("a").eq(col("b")).as("eq"),
                                col("a").ge(1.0).as("ge1"), col("a").ne(3).as("ne3")))
                        .returns(header("lt BOOLEAN", "eq BOOLEAN", "ge1 BOOLEAN", "ne3 BOOLEAN"), INPUT,
                                row(true, false, true, true),
                                row(null, null, null, null),
                                row(null, null, true, false)),
                test("and, or and not use three-valued logic")
                        .given(ninePairs())
                        .pipeline(df -> df.select(col("p").and(col("q")).as("p_and_q"), col("p").or(col("q")).as("p_or_q"),
                                col("p").not().as("not_p")))
                        .returns(header("p_and_q BOOLEAN", "p_or_q BOOLEAN", "not_p BOOLEAN"), INPUT,
                                row(true, true, false),
                                row(false, true, false),
                                row(null, true, false),
                                row(false, true, true),
                                row(false, false, true),
                                row(false, null, true),
                                row(null, true, null),
                                row(false, null, null),
                                row(null, null, null)),
                test("filter keeps only rows whose predicate is TRUE (and)")
                        .given(ninePairs())
                        .pipeline(df -> df.filter(col("p").and(col("q"))).select("id"))
                        .returns(header("id INT32"), INPUT, row(1)),
                test("filter keeps only rows whose predicate is TRUE (or)")
                        .given(ninePairs())
                        .pipeline(df -> df.filter(col("p").or(col("q"))).select("id"))
                        .returns(header("id INT32"), INPUT, row(1), row(2), row(3), row(4), row(7)),
                test("filter drops rows whose negated predicate is null")
                        .given(ninePairs())
                        .pipeline(df -> df.filter(col("p").and(col("q")).not()).select("id"))
                        .returns(header("id INT32"), INPUT, row(2), row(4), row(5), row(6), row(8)),
                test("filter on a comparison drops rows where a side is null")
                        .given(table("t", ints("a", 1, null, 3, 5)))
                        .pipeline(df -> df.filter(col("a").gt(1)))
                        .returns(header("a INT32"), INPUT, row(3), row(5)),
                test("comparing with a null literal keeps no rows")
                        .given(table("t", ints("a", 1, null, 3)))
                        .pipeline(df -> df.filter(col("a").eq(lit(null))))
                        .returns(header("a INT32"), INPUT),
                test("a boolean column is a predicate; its nulls drop the row")
                        .given(table("t", ints("id", 1, 2, 3, 4), booleans("p", true, null, false, true)))
                        .pipeline(df -> df.filter(col("p")).select("id"))
                        .returns(header("id INT32"), INPUT, row(1), row(4)),
                test("isNull and isNotNull are never null themselves")
                        .given(table("t", ints("a", 1, null, 3), strings("s", "x", null, "z")))
                        .pipeline(df -> df.select(col("a").isNull().as("a_null"), col("s").isNotNull().as("s_set"),
                                col("a").plus(1).isNull().as("a1_null")))
                        .returns(header("a_null BOOLEAN", "s_set BOOLEAN", "a1_null BOOLEAN"), INPUT,
                                row(false, true, false), row(true, false, true), row(false, true, false)),
                test("filter with isNull or a comparison")
                        .given(table("t", ints("a", 1, null, 3), strings("s", "x", null, "z")))
                        .pipeline(df -> df.filter(col("a").isNull().or(col("s").eq("z"))))
                        .returns(header("a INT32", "s STRING"), INPUT, row(null, null), row(3, "z")),
                test("filters compose as a conjunction")
                        .given(table("t", ints("a", 1, 2, 3, 4, null), strings("s", "x", "y", "x", "x", "x")))
                        .pipeline(df -> df.filter(col("a").ge(2)).filter(col("s").eq("x")))
                        .returns(header("a INT32", "s STRING"), INPUT, row(3, "x"), row(4, "x")));
    }

    static List<ConformanceCase> typesAndCasts() {
        return List.of(
                test("numeric promotion is INT32 < INT64 < FLOAT64, for columns and literals")
                        .given(table("t", ints("a", 1, 2), longs("b", 10L, 20L), doubles("x", 0.5, 1.5)))
                        .pipeline(df -> df.select(col("a").plus(col("a")).as("aa"), col("a").plus(col("b")).as("ab"),
                                col("b").plus(col("x")).as("bx"), col("a").plus(1).as("a1"), col("a").plus(1L).as("a1l"),
                                col("a").plus(0.5).as("ah"), col("a").multiply(col("b")).as("m")))
                        .returns(header("aa INT32", "ab INT64", "bx FLOAT64", "a1 INT32", "a1l INT64", "ah FLOAT64", "m INT64"),
                                INPUT,
                                row(2, 11L, 10.5, 2, 2L, 1.5, 10L),
                                row(4, 22L, 21.5, 3, 3L, 2.5, 40L)),
                test("integers and floats compare numerically")
                        .given(table("t", ints("a", 1, 2, 3), doubles("x", 1.0, 2.5, 2.0)))
                        .pipeline(df -> df.filter(col("a").eq(col("x")).or(col("a").gt(col("x")))).select("a"))
                        .returns(header("a INT32"), INPUT, row(1), row(3)),
                test("casts between numbers and to STRING; a cast of a column keeps its name")
                        .given(table("t", ints("a", 1, -2, null)))
                        .pipeline(df -> df.select(col("a").cast(DataType.INT64), col("a").cast(DataType.FLOAT64).as("d"),
                                col("a").cast(DataType.STRING).as("s")))
                        .returns(header("a INT64", "d FLOAT64", "s STRING"), INPUT,
                                row(1L, 1.0, "1"), row(-2L, -2.0, "-2"), row(null, null, null)),
                test("a FLOAT64 to INT32 cast truncates toward zero")
                        .given(table("t", doubles("x", 2.7, -2.7, 0.5)))
                        .pipeline(df -> df.select(col("x").cast(DataType.INT32)))
                        .returns(header("x INT32"), INPUT, row(2), row(-2), row(0)),
                test("STRING parses to INT64 and DATE; BOOLEAN converts to INT32")
                        .given(table("t", strings("s", "42", "-7"), strings("d", "2024-02-29", "2023-12-31"),
                                booleans("f", true, false)))
                        .pipeline(df -> df.select(col("s").cast(DataType.INT64), col("d").cast(DataType.DATE),
                                col("f").cast(DataType.INT32)))
                        .returns(header("s INT64", "d DATE", "f INT32"), INPUT,
                                row(42L, LocalDate.of(2024, 2, 29), 1), row(-7L, LocalDate.of(2023, 12, 31), 0)),
                test("a STRING that is not a number fails to cast, naming the value")
                        .given(table("t", strings("s", "12", "abc")))
                        .pipeline(df -> df.select(col("s").cast(DataType.INT32)))
                        .fails(ExecutionException.class, ErrorCode.INVALID_CAST, "abc"),
                test("a FLOAT64 out of the INT32 range fails to cast")
                        .given(table("t", doubles("x", 3.0e9)))
                        .pipeline(df -> df.select(col("x").cast(DataType.INT32)))
                        .fails(ExecutionException.class, ErrorCode.INVALID_CAST, null),
                test("DATE columns compare with DATE literals")
                        .given(table("t", dates("d", day(0), day(5), null, day(3))))
                        .pipeline(df -> df.filter(col("d").ge(lit(day(3)))))
                        .returns(header("d DATE"), INPUT, row(day(5)), row(day(3))),
                test("STRING columns compare in code-point order")
                        .given(table("t", strings("s", "b", "a", "ab", "B", null)))
                        .pipeline(df -> df.filter(col("s").gt("a")))
                        .returns(header("s STRING"), INPUT, row("b"), row("ab")));
    }

    static List<ConformanceCase> projections() {
        return List.of(
                test("an expression aliased to a column it reads uses the old value (shadowing)")
                        .given(table("orders", longs("user_id", 1L, 2L, 1L, 3L), longs("qty", 2L, 3L, 5L, 1L)))
                        .pipeline(df -> df.withColumn("qty", col("qty").multiply(10)).groupBy("user_id").agg(sum("qty")))
                        .returns(header("user_id INT64", "qty INT64"), FIXED, row(1L, 70L), row(2L, 30L), row(3L, 10L)),
                test("withColumn applied twice to one name applies each expression once")
                        .given(table("t", longs("qty", 2L, 3L)))
                        .pipeline(df -> df.withColumn("qty", col("qty").multiply(10)).withColumn("qty", col("qty").plus(1)))
                        .returns(header("qty INT64"), INPUT, row(21L), row(31L)),
                test("a filter after shadowing sees the new value")
                        .given(table("t", ints("q", 2, 3, 5, 1)))
                        .pipeline(df -> df.withColumn("q", col("q").multiply(10)).filter(col("q").gt(25)))
                        .returns(header("q INT32"), INPUT, row(30), row(50)),
                test("withColumn replaces a column in place and may change its type")
                        .given(table("t", ints("a", 1, 2), strings("b", "x", "y")))
                        .pipeline(df -> df.withColumn("a", col("a").divide(2)))
                        .returns(header("a FLOAT64", "b STRING"), INPUT, row(0.5, "x"), row(1.0, "y")),
                test("withColumn adds a new column at the end")
                        .given(table("t", ints("a", 1, 2), strings("b", "x", "y")))
                        .pipeline(df -> df.withColumn("c", col("a").multiply(3L)))
                        .returns(header("a INT32", "b STRING", "c INT64"), INPUT, row(1, "x", 3L), row(2, "y", 6L)),
                test("select can alias an expression to the name of the column it reads")
                        .given(table("t", ints("a", 1, 2)))
                        .pipeline(df -> df.select(col("a").plus(1).as("a"), col("a").as("old_a")))
                        .returns(header("a INT32", "old_a INT32"), INPUT, row(2, 1), row(3, 2)),
                test("withColumns computes every column from the input, never from a sibling")
                        .given(table("t", longs("a", 1L, 2L), longs("b", 10L, 20L)))
                        .pipeline(df -> df.withColumns(col("a").plus(col("b")).as("b"), col("b").multiply(2).as("a")))
                        .returns(header("a INT64", "b INT64"), INPUT, row(20L, 11L), row(40L, 22L)),
                test("rename can swap two names")
                        .given(table("t", ints("a", 1, 2), strings("b", "x", "y")))
                        .pipeline(df -> df.rename(Map.of("a", "b", "b", "a")))
                        .returns(header("b INT32", "a STRING"), INPUT, row(1, "x"), row(2, "y")),
                test("a renamed column is read by its new name")
                        .given(table("t", ints("a", 1, 2), strings("b", "x", "y")))
                        .pipeline(df -> df.rename("a", "c").filter(col("c").gt(1)))
                        .returns(header("c INT32", "b STRING"), INPUT, row(2, "y")),
                test("drop removes columns and keeps the order of the rest")
                        .given(table("t", ints("a", 1), strings("b", "x"), doubles("c", 1.5)))
                        .pipeline(df -> df.drop("b"))
                        .returns(header("a INT32", "c FLOAT64"), INPUT, row(1, 1.5)),
                test("select keeps the named columns in the order given")
                        .given(table("t", ints("a", 1, 2), strings("b", "x", "y"), doubles("c", 1.5, 2.5)))
                        .pipeline(df -> df.select("c", "a"))
                        .returns(header("c FLOAT64", "a INT32"), INPUT, row(1.5, 1), row(2.5, 2)));
    }

    private static Table leftIds() {
        return table("l", longs("id", 1L, 2L, 2L, 3L, null), strings("lv", "a", "b", "c", "d", "e"));
    }

    private static Table rightIds() {
        return table("r", longs("id", 2L, 4L, 2L, null, 1L), strings("rv", "p", "q", "r", "s", "t"));
    }

    static List<ConformanceCase> joins() {
        return List.of(
                test("inner join: left order, then right order within a key; null keys never match")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, "id"))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "p"), row(2L, "b", "r"), row(2L, "c", "p"), row(2L, "c", "r")),
                test("left join keeps unmatched left rows null-padded, in left order")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").left()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "p"), row(2L, "b", "r"), row(2L, "c", "p"), row(2L, "c", "r"),
                                row(3L, "d", null), row(null, "e", null)),
                test("right join: matched rows in left order, then right-only rows with the key coalesced from the right")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").right()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "p"), row(2L, "b", "r"), row(2L, "c", "p"), row(2L, "c", "r"),
                                row(4L, null, "q"), row(null, null, "s")),
                test("full join keeps both sides' unmatched rows; right-only rows come last")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").full()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "p"), row(2L, "b", "r"), row(2L, "c", "p"), row(2L, "c", "r"),
                                row(3L, "d", null), row(null, "e", null), row(4L, null, "q"), row(null, null, "s")),
                test("semi join keeps left rows with a match, once each, left columns only")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").semi()))
                        .returns(header("id INT64", "lv STRING"), INPUT, row(1L, "a"), row(2L, "b"), row(2L, "c")),
                test("anti join keeps left rows without a match, including null keys")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").anti()))
                        .returns(header("id INT64", "lv STRING"), INPUT, row(3L, "d"), row(null, "e")),
                test("nullsEqual lets null keys match in an inner join")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").nullsEqual()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "p"), row(2L, "b", "r"), row(2L, "c", "p"), row(2L, "c", "r"),
                                row(null, "e", "s")),
                test("nullsEqual in a full join matches the null keys instead of keeping them apart")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").full().nullsEqual()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "p"), row(2L, "b", "r"), row(2L, "c", "p"), row(2L, "c", "r"),
                                row(3L, "d", null), row(null, "e", "s"), row(4L, null, "q")),
                test("nullsEqual in semi and anti joins")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").semi().nullsEqual()))
                        .returns(header("id INT64", "lv STRING"), INPUT, row(1L, "a"), row(2L, "b"), row(2L, "c"), row(null, "e")),
                test("keys with different names are both kept")
                        .given(leftIds(), table("r", longs("uid", 2L, 1L, 5L), strings("rv", "p", "q", "r")))
                        .pipeline((l, r) -> l.join(r, JoinSpec.on(List.of("id"), List.of("uid"))))
                        .returns(header("id INT64", "lv STRING", "uid INT64", "rv STRING"), INPUT,
                                row(1L, "a", 1L, "q"), row(2L, "b", 2L, "p"), row(2L, "c", 2L, "p")),
                test("a right join on differently named keys null-pads the left key of right-only rows")
                        .given(leftIds(), table("r", longs("uid", 2L, 1L, 5L), strings("rv", "p", "q", "r")))
                        .pipeline((l, r) -> l.join(r, JoinSpec.on(List.of("id"), List.of("uid")).right()))
                        .returns(header("id INT64", "lv STRING", "uid INT64", "rv STRING"), INPUT,
                                row(1L, "a", 1L, "q"), row(2L, "b", 2L, "p"), row(2L, "c", 2L, "p"), row(null, null, 5L, "r")),
                test("overlapping non-key columns get the suffixes _x and _y")
                        .given(table("l", longs("id", 1L, 2L), strings("v", "a", "b")),
                                table("r", longs("id", 2L, 1L), longs("v", 20L, 10L)))
                        .pipeline((l, r) -> l.join(r, "id"))
                        .returns(header("id INT64", "v_x STRING", "v_y INT64"), INPUT, row(1L, "a", 10L), row(2L, "b", 20L)),
                test("custom suffixes replace _x and _y")
                        .given(table("l", longs("id", 1L, 2L), strings("v", "a", "b")),
                                table("r", longs("id", 2L, 1L), longs("v", 20L, 10L)))
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").suffixes("_l", "_r")))
                        .returns(header("id INT64", "v_l STRING", "v_r INT64"), INPUT, row(1L, "a", 10L), row(2L, "b", 20L)),
                test("an INT32 key joins an INT64 key; the coalesced key is INT64")
                        .given(table("l", ints("id", 1, 2), strings("lv", "a", "b")),
                                table("r", longs("id", 2L, 3L), strings("rv", "p", "q")))
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").full()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", null), row(2L, "b", "p"), row(3L, null, "q")),
                test("a join on two keys matches both")
                        .given(table("l", strings("k1", "a", "a", "b"), ints("k2", 1, 2, 1), ints("lv", 10, 20, 30)),
                                table("r", strings("k1", "a", "b", "a"), longs("k2", 2L, 1L, 1L), strings("rv", "x", "y", "z")))
                        .pipeline((l, r) -> l.join(r, "k1", "k2"))
                        .returns(header("k1 STRING", "k2 INT64", "lv INT32", "rv STRING"), INPUT,
                                row("a", 1L, 10, "z"), row("a", 2L, 20, "x"), row("b", 1L, 30, "y")),
                test("a filtered right side joins as its filtered rows")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r.filter(col("rv").ne("r")), "id"))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "p"), row(2L, "c", "p")),
                test("a filter after a left join on the right's column drops the null-padded rows")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").left()).filter(col("rv").ne("p")))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", "t"), row(2L, "b", "r"), row(2L, "c", "r")));
    }

    static List<ConformanceCase> aggregation() {
        return List.of(
                test("several keys and several aggregates; groups sorted by key with null keys last")
                        .given(table("t", strings("k1", "a", "b", "a", null, "b", "a", null), ints("k2", 1, 1, 2, 1, 1, 1, 1),
                                longs("v", 1L, 2L, 3L, 4L, null, 6L, 7L), doubles("w", 0.5, 1.5, null, 2.0, 3.0, 1.0, null)))
                        .pipeline(df -> df.groupBy("k1", "k2").agg(sum("v"), mean("w"), min("v").as("min_v"),
                                max("w").as("max_w"), count("v").as("n_v"), count()))
                        .returns(header("k1 STRING", "k2 INT32", "v INT64", "w FLOAT64", "min_v INT64", "max_w FLOAT64",
                                "n_v INT64", "count INT64"), FIXED,
                                row("a", 1, 7L, 0.75, 1L, 1.0, 2L, 2L),
                                row("a", 2, 3L, null, 3L, null, 1L, 1L),
                                row("b", 1, 2L, 2.25, 2L, 3.0, 1L, 2L),
                                row(null, 1, 11L, 2.0, 4L, 2.0, 2L, 2L)),
                test("aggregate types: sum of INT32 is INT64, mean is FLOAT64, min and max keep the type;"
                        + " an all-null group gives null and count 0")
                        .given(table("t", ints("g", 1, 1, 2), ints("a", 5, 7, null), strings("s", "b", "a", "c"),
                                dates("d", day(2), day(1), null)))
                        .pipeline(df -> df.groupBy("g").agg(sum("a"), mean("a").as("mean_a"), min("a").as("min_a"),
                                max("s"), min("d"), count("d").as("n_d")))
                        .returns(header("g INT32", "a INT64", "mean_a FLOAT64", "min_a INT32", "s STRING", "d DATE",
                                "n_d INT64"), FIXED,
                                row(1, 12L, 6.0, 5, "b", day(1), 2L),
                                row(2, null, null, null, "c", null, 0L)),
                test("null keys form one group, sorted last")
                        .given(table("t", longs("k", 3L, null, 1L, 3L, null)))
                        .pipeline(df -> df.groupBy("k").agg(count()))
                        .returns(header("k INT64", "count INT64"), FIXED, row(1L, 1L), row(3L, 2L), row(null, 2L)),
                test("string and boolean keys sort ascending whatever the input order")
                        .given(table("t", strings("s", "c", "a", "b", "a"), booleans("f", true, false, null, true)))
                        .pipeline(df -> df.groupBy("f", "s").agg(count()))
                        .returns(header("f BOOLEAN", "s STRING", "count INT64"), FIXED,
                                row(false, "a", 1L), row(true, "a", 1L), row(true, "c", 1L), row(null, "b", 1L)),
                test("date keys sort ascending")
                        .given(table("t", dates("d", day(3), day(1), day(3), null), ints("v", 1, 2, 3, 4)))
                        .pipeline(df -> df.groupBy("d").agg(sum("v")))
                        .returns(header("d DATE", "v INT64"), FIXED, row(day(1), 2L), row(day(3), 4L), row(null, 4L)),
                test("a global aggregate over no rows gives one row: nulls, and counts of 0")
                        .given(table("t", longs("v"), doubles("w")))
                        .pipeline(df -> df.agg(sum("v"), mean("w"), min("v").as("min_v"), count("v").as("n"), count()))
                        .returns(header("v INT64", "w FLOAT64", "min_v INT64", "n INT64", "count INT64"), FIXED,
                                row(null, null, null, 0L, 0L)),
                test("a global aggregate skips nulls; count() counts rows")
                        .given(table("t", longs("v", 1L, null, 3L)))
                        .pipeline(df -> df.agg(sum("v"), count("v").as("n"), count(), mean("v").as("m")))
                        .returns(header("v INT64", "n INT64", "count INT64", "m FLOAT64"), FIXED, row(4L, 2L, 3L, 2.0)),
                test("a grouped aggregate over no rows gives no rows")
                        .given(table("t", strings("k"), longs("v")))
                        .pipeline(df -> df.groupBy("k").agg(sum("v"), count()))
                        .returns(header("k STRING", "v INT64", "count INT64"), FIXED),
                test("aggregates are named after their input column unless aliased; count() is 'count'")
                        .given(table("t", strings("k", "x", "y", "x"), longs("v", 1L, 2L, 3L)))
                        .pipeline(df -> df.groupBy("k").agg(max("v"), sum(col("v").multiply(2)).as("twice"), count()))
                        .returns(header("k STRING", "v INT64", "twice INT64", "count INT64"), FIXED,
                                row("x", 3L, 8L, 2L), row("y", 2L, 4L, 1L)),
                test("mean of integers is exact FLOAT64")
                        .given(table("t", ints("k", 1, 1, 2), ints("v", 1, 2, 7)))
                        .pipeline(df -> df.groupBy("k").agg(mean("v")))
                        .returns(header("k INT32", "v FLOAT64"), FIXED, row(1, 1.5), row(2, 7.0)),
                test("filter after an aggregate keeps the key order")
                        .given(table("t", strings("k", "c", "a", "b", "a", "c"), longs("v", 1L, 2L, 3L, 4L, 5L)))
                        .pipeline(df -> df.groupBy("k").agg(sum("v")).filter(col("v").gt(3L)))
                        .returns(header("k STRING", "v INT64"), FIXED, row("a", 6L), row("c", 6L)),
                test("aggregate after a join")
                        .given(leftIds(), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").full()).groupBy("id").agg(count("lv").as("n_l"),
                                count("rv").as("n_r"), count()))
                        .returns(header("id INT64", "n_l INT64", "n_r INT64", "count INT64"), FIXED,
                                row(1L, 1L, 1L, 1L), row(2L, 4L, 4L, 4L), row(3L, 1L, 0L, 1L), row(4L, 0L, 1L, 1L),
                                row(null, 1L, 1L, 2L)));
    }

    private static Table sortable() {
        return table("t", ints("id", 1, 2, 3, 4, 5, 6), longs("v", 3L, null, 1L, 2L, null, 2L));
    }

    static List<ConformanceCase> sortLimitRepartition() {
        return List.of(
                test("sort ascending puts nulls last and keeps ties in input order")
                        .given(sortable())
                        .pipeline(df -> df.sort("v").select("id"))
                        .returns(header("id INT32"), FIXED, row(3), row(4), row(6), row(1), row(2), row(5)),
                test("sort descending also puts nulls last by default")
                        .given(sortable())
                        .pipeline(df -> df.sort(desc("v")).select("id"))
                        .returns(header("id INT32"), FIXED, row(1), row(4), row(6), row(3), row(2), row(5)),
                test("nullsFirst puts nulls first, ascending")
                        .given(sortable())
                        .pipeline(df -> df.sort(asc("v").nullsFirst()).select("id"))
                        .returns(header("id INT32"), FIXED, row(2), row(5), row(3), row(4), row(6), row(1)),
                test("nullsFirst puts nulls first, descending")
                        .given(sortable())
                        .pipeline(df -> df.sort(desc("v").nullsFirst()).select("id"))
                        .returns(header("id INT32"), FIXED, row(2), row(5), row(1), row(4), row(6), row(3)),
                test("sort by two keys with mixed directions")
                        .given(table("t", strings("g", "b", "a", "b", "a", null), ints("v", 1, 2, 3, null, 5)))
                        .pipeline(df -> df.sort(asc("g"), desc("v")))
                        .returns(header("g STRING", "v INT32"), FIXED,
                                row("a", 2), row("a", null), row("b", 3), row("b", 1), row(null, 5)),
                test("sort orders doubles numerically, negatives first")
                        .given(table("t", doubles("x", 0.5, -2.0, 10.0, -0.25), strings("s", "b", "A", "a", "B")))
                        .pipeline(df -> df.sort("x"))
                        .returns(header("x FLOAT64", "s STRING"), FIXED,
                                row(-2.0, "A"), row(-0.25, "B"), row(0.5, "b"), row(10.0, "a")),
                test("limit after sort takes the first rows")
                        .given(sortable())
                        .pipeline(df -> df.sort("v").limit(2).select("id"))
                        .returns(header("id INT32"), FIXED, row(3), row(4)),
                test("limit 0 gives no rows")
                        .given(sortable())
                        .pipeline(df -> df.limit(0))
                        .returns(header("id INT32", "v INT64"), FIXED),
                test("limit beyond the row count keeps every row")
                        .given(sortable())
                        .pipeline(df -> df.limit(100).select("id"))
                        .returns(header("id INT32"), INPUT, row(1), row(2), row(3), row(4), row(5), row(6)),
                test("repartition does not change the rows")
                        .given(sortable())
                        .pipeline(df -> df.repartition("v"))
                        .returns(header("id INT32", "v INT64"), ANY,
                                row(1, 3L), row(2, null), row(3, 1L), row(4, 2L), row(5, null), row(6, 2L)),
                test("aggregate after repartition is still key-sorted")
                        .given(sortable())
                        .pipeline(df -> df.repartition("id").groupBy("v").agg(count()))
                        .returns(header("v INT64", "count INT64"), FIXED, row(1L, 1L), row(2L, 2L), row(3L, 1L), row(null, 2L)));
    }

    private static Table empty() {
        return table("empty", ints("a"), strings("s"));
    }

    static List<ConformanceCase> emptyInputs() {
        return List.of(
                test("filter of an empty table is empty with the same columns")
                        .given(empty())
                        .pipeline(df -> df.filter(col("a").gt(1)))
                        .returns(header("a INT32", "s STRING"), INPUT),
                test("withColumn on an empty table adds a typed column")
                        .given(empty())
                        .pipeline(df -> df.withColumn("b", col("a").multiply(2L)).withColumn("q", col("a").divide(2)))
                        .returns(header("a INT32", "s STRING", "b INT64", "q FLOAT64"), INPUT),
                test("sort and limit of an empty table")
                        .given(empty())
                        .pipeline(df -> df.sort(desc("a")).limit(3))
                        .returns(header("a INT32", "s STRING"), FIXED),
                test("inner join with an empty left side is empty")
                        .given(table("l", longs("id"), strings("lv")), rightIds())
                        .pipeline((l, r) -> l.join(r, "id"))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT),
                test("full join with an empty left side gives the right rows")
                        .given(table("l", longs("id"), strings("lv")), rightIds())
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").full()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(2L, null, "p"), row(4L, null, "q"), row(2L, null, "r"), row(null, null, "s"),
                                row(1L, null, "t")),
                test("left join with an empty right side null-pads every left row")
                        .given(leftIds(), table("r", longs("id"), strings("rv")))
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").left()))
                        .returns(header("id INT64", "lv STRING", "rv STRING"), INPUT,
                                row(1L, "a", null), row(2L, "b", null), row(2L, "c", null), row(3L, "d", null),
                                row(null, "e", null)),
                test("anti join with an empty right side keeps every left row")
                        .given(leftIds(), table("r", longs("id"), strings("rv")))
                        .pipeline((l, r) -> l.join(r, JoinSpec.on("id").anti()))
                        .returns(header("id INT64", "lv STRING"), INPUT,
                                row(1L, "a"), row(2L, "b"), row(2L, "c"), row(3L, "d"), row(null, "e")),
                test("a filter that removes every row before an aggregate gives no groups")
                        .given(table("t", strings("k", "a", "b"), longs("v", 1L, 2L)))
                        .pipeline(df -> df.filter(col("v").gt(10L)).groupBy("k").agg(sum("v")))
                        .returns(header("k STRING", "v INT64"), FIXED),
                test("a filter that removes every row before a global aggregate gives one row")
                        .given(table("t", strings("k", "a", "b"), longs("v", 1L, 2L)))
                        .pipeline(df -> df.filter(col("v").gt(10L)).agg(sum("v"), count()))
                        .returns(header("v INT64", "count INT64"), FIXED, row(null, 0L)));
    }

    static List<ConformanceCase> unionCoalesceHead() {
        return List.of(
                test("union matches columns by name, promotes types and keeps duplicates")
                        .given(table("l", ints("id", 1, 2), longs("v", 10L, null)),
                                table("r", doubles("v", 2.5, null), ints("id", 2, 3)))
                        .pipeline((l, r) -> l.union(r))
                        .returns(header("id INT32", "v FLOAT64"), ANY,
                                row(1, 10.0), row(2, null), row(2, 2.5), row(3, null)),
                test("union of a frame with itself, then grouped")
                        .given(table("t", strings("k", "a", "b", null), longs("v", 1L, 2L, 3L)))
                        .pipeline(df -> df.union(df).groupBy("k").agg(sum("v"), count()))
                        .returns(header("k STRING", "v INT64", "count INT64"), FIXED,
                                row("a", 2L, 2L), row("b", 4L, 2L), row(null, 6L, 2L)),
                test("union with an empty side")
                        .given(table("l", ints("id"), longs("v")), table("r", ints("id", 7), longs("v", 70L)))
                        .pipeline((l, r) -> l.union(r).sort("id"))
                        .returns(header("id INT32", "v INT64"), FIXED, row(7, 70L)),
                test("coalesce takes the first non-null, promotes numbers, keeps NaN")
                        .given(table("t", ints("a", 1, null, null), doubles("b", null, 2.5, null)))
                        .pipeline(df -> df.select(coalesce(col("a"), col("b"), 0).as("c"),
                                coalesce(col("b"), col("a")).as("d"),
                                coalesce(col("a").divide(0).minus(col("a").divide(0)), 9.0).eq(9.0).as("took_9")))
                        .returns(header("c FLOAT64", "d FLOAT64", "took_9 BOOLEAN"), INPUT,
                                row(1.0, 1.0, false), row(2.5, 2.5, true), row(0.0, null, true)),
                test("head per key keeps the first n rows of every group in order, nulls a group")
                        .given(table("t", strings("k", "a", "b", "a", null, "a", null, "b"),
                                ints("v", 1, 2, 3, 4, 5, 6, 7)))
                        .pipeline(df -> df.sort(desc("v")).groupBy("k").head(2).sort("k", "v"))
                        .returns(header("k STRING", "v INT32"), FIXED,
                                row("a", 3), row("a", 5), row("b", 2), row("b", 7), row(null, 4), row(null, 6)),
                test("head 0 per key keeps nothing")
                        .given(table("t", strings("k", "a", "b"), ints("v", 1, 2)))
                        .pipeline(df -> df.groupBy("k").head(0))
                        .returns(header("k STRING", "v INT32"), ANY));
    }

    static List<ConformanceCase> demo() {
        return List.of(
                test("the README demo: revenue per user")
                        .given(table("orders", longs("user_id", 1L, 2L, 1L, 2L, 1L),
                                doubles("unit_price", 2.0, 3.0, 4.0, 1.0, 5.0), longs("qty", 1L, 2L, 1L, 3L, 1L)))
                        .pipeline(df -> df.withColumn("revenue", col("unit_price").multiply(col("qty")))
                                .groupBy("user_id")
                                .agg(sum("revenue")))
                        .returns(header("user_id INT64", "revenue FLOAT64"), FIXED, row(1L, 11.0), row(2L, 9.0)));
    }
}
