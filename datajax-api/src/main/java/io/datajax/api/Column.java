package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.ArithmeticOp;
import io.datajax.ir.expr.Cast;
import io.datajax.ir.expr.Coalesce;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.ComparisonOp;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.LogicalOp;
import io.datajax.ir.expr.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An unresolved column expression, e.g. {@code col("price").multiply(col("qty")).as("revenue")}.
 * Immutable. It is resolved against a frame's schema when passed to a {@link Frame} method, which is
 * where unknown columns and type errors are reported.
 */
public final class Column {
    private final Function<Schema, Expr> resolver;
    private final String text;
    private final Optional<String> name;

    private Column(Function<Schema, Expr> resolver, String text, Optional<String> name) {
        this.resolver = resolver;
        this.text = text;
        this.name = name;
    }

    static Column ref(String column) {
        requireNonNull(column, "column is null");
        return new Column(schema -> ColumnRef.of(schema.field(column)), column, Optional.of(column));
    }

    static Column literal(Object value) {
        Literal literal = Literal.of(value);
        return new Column(schema -> literal, literal.toString(), Optional.empty());
    }

    static Column typedNull(DataType type) {
        Literal literal = Literal.nullOf(requireNonNull(type, "type is null"));
        return new Column(schema -> literal, literal.toString(), Optional.empty());
    }

    /** Wraps a Java value as a literal unless it already is a column. */
    static Column of(Object value) {
        return value instanceof Column column ? column : literal(value);
    }

    /** The first non-null of {@code values} (Columns or Java values), typed as their common (widest numeric) type. */
    static Column coalesce(Object... values) {
        List<Column> columns = new ArrayList<>();
        for (Object value : values) {
            columns.add(of(value));
        }
        String text = "coalesce(" + columns.stream().map(c -> c.text).collect(Collectors.joining(", ")) + ")";
        return new Column(schema -> {
            List<Expr> resolved = new ArrayList<>();
            DataType type = DataType.NULL;
            for (Column column : columns) {
                Expr expr = column.resolve(schema);
                resolved.add(expr);
                Optional<DataType> common = type.unify(expr.type());
                if (common.isEmpty()) {
                    throw new SchemaException(ErrorCode.TYPE_MISMATCH, "coalesce cannot mix " + type + " and "
                            + expr.type() + " (in " + text + "); cast the arguments to one type, e.g."
                            + " col(\"x\").cast(DataType." + type + ").");
                }
                type = common.get();
            }
            List<Expr> typed = new ArrayList<>();
            for (Expr expr : resolved) {
                typed.add(expr.type() == type ? expr : expr instanceof Literal literal && literal.isNull()
                        ? Literal.nullOf(type) : new Cast(expr, type));
            }
            return new Coalesce(typed);
        }, text, columns.get(0).name);
    }

    /** Resolves this expression against a schema. */
    Expr resolve(Schema schema) {
        return resolver.apply(schema);
    }

    /** The output name: the alias, or the column name of a plain reference. */
    public Optional<String> name() {
        return name;
    }

    /** This expression under an output name. */
    public Column as(String alias) {
        requireNonNull(alias, "alias is null");
        return new Column(resolver, text, Optional.of(alias));
    }

    private Column arithmetic(ArithmeticOp op, Object other) {
        Column right = of(other);
        return new Column(s -> Arithmetic.of(op, resolve(s), right.resolve(s)),
                "(" + text + " " + op.symbol() + " " + right.text + ")", Optional.empty());
    }

    private Column compare(ComparisonOp op, Object other) {
        Column right = of(other);
        return new Column(s -> new Comparison(op, resolve(s), right.resolve(s)),
                "(" + text + " " + op.symbol() + " " + right.text + ")", Optional.empty());
    }

    private Column logical(LogicalOp op, Column right) {
        return new Column(s -> new Logical(op, resolve(s), right.resolve(s)),
                "(" + text + " " + op + " " + right.text + ")", Optional.empty());
    }

    /** {@code this + other}; other is a Column or a Java value. */
    public Column plus(Object other) {
        return arithmetic(ArithmeticOp.ADD, other);
    }

    /** {@code this - other}. */
    public Column minus(Object other) {
        return arithmetic(ArithmeticOp.SUBTRACT, other);
    }

    /** {@code this * other}. */
    public Column multiply(Object other) {
        return arithmetic(ArithmeticOp.MULTIPLY, other);
    }

    /** {@code this / other}, always FLOAT64. */
    public Column divide(Object other) {
        return arithmetic(ArithmeticOp.DIVIDE, other);
    }

    /** {@code this % other}; an integer remainder by zero is null. */
    public Column mod(Object other) {
        return arithmetic(ArithmeticOp.MODULO, other);
    }

    /** {@code this = other}. */
    public Column eq(Object other) {
        return compare(ComparisonOp.EQ, other);
    }

    /** {@code this <> other}. */
    public Column ne(Object other) {
        return compare(ComparisonOp.NE, other);
    }

    /** {@code this < other}. */
    public Column lt(Object other) {
        return compare(ComparisonOp.LT, other);
    }

    /** {@code this <= other}. */
    public Column le(Object other) {
        return compare(ComparisonOp.LE, other);
    }

    /** {@code this > other}. */
    public Column gt(Object other) {
        return compare(ComparisonOp.GT, other);
    }

    /** {@code this >= other}. */
    public Column ge(Object other) {
        return compare(ComparisonOp.GE, other);
    }

    /** Three-valued {@code this AND other}. */
    public Column and(Column other) {
        return logical(LogicalOp.AND, other);
    }

    /** Three-valued {@code this OR other}. */
    public Column or(Column other) {
        return logical(LogicalOp.OR, other);
    }

    /** {@code NOT this}. */
    public Column not() {
        return new Column(s -> new Not(resolve(s)), "(NOT " + text + ")", Optional.empty());
    }

    /** {@code this IS NULL}. */
    public Column isNull() {
        return new Column(s -> new IsNull(resolve(s), false), "(" + text + " IS NULL)", Optional.empty());
    }

    /** {@code this IS NOT NULL}. */
    public Column isNotNull() {
        return new Column(s -> new IsNull(resolve(s), true), "(" + text + " IS NOT NULL)", Optional.empty());
    }

    /** An explicit conversion to {@code type} (see {@link Cast} for what is allowed). */
    public Column cast(DataType type) {
        requireNonNull(type, "type is null");
        return new Column(s -> new Cast(resolve(s), type), "CAST(" + text + " AS " + type + ")", name);
    }

    @Override
    public String toString() {
        return name.filter(n -> !n.equals(text)).map(n -> text + " AS " + n).orElse(text);
    }
}
