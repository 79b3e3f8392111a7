package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.plan.AggCall;
import io.datajax.ir.plan.AggFunction;
import java.util.Optional;

/**
 * An unresolved aggregate, e.g. {@code sum("revenue")} or {@code mean(col("a").multiply(2)).as("m")}.
 * Named after its input column unless aliased; {@code count()} is named {@code count}. Immutable.
 */
public final class Agg {
    private final AggFunction function;
    private final Optional<Column> argument;
    private final Optional<String> alias;

    Agg(AggFunction function, Optional<Column> argument, Optional<String> alias) {
        this.function = requireNonNull(function, "function is null");
        this.argument = requireNonNull(argument, "argument is null");
        this.alias = requireNonNull(alias, "alias is null");
    }

    /** This aggregate under an output name. */
    public Agg as(String name) {
        return new Agg(function, argument, Optional.of(requireNonNull(name, "name is null")));
    }

    AggCall resolve(Schema schema) {
        Optional<Expr> arg = argument.map(c -> c.resolve(schema));
        String name = alias.orElseGet(() -> defaultName(arg));
        return new AggCall(function, arg, name);
    }

    private String defaultName(Optional<Expr> arg) {
        if (arg.isEmpty()) {
            return function.displayName();
        }
        Optional<String> columnName = argument.flatMap(Column::name);
        if (columnName.isPresent()) {
            return columnName.get();
        }
        if (arg.get() instanceof ColumnRef ref) {
            return ref.name();
        }
        throw new SchemaException(ErrorCode.MISSING_ALIAS, "The aggregate " + this + " reads an expression, so it has"
                + " no column name to be named after. Give it one: " + function.displayName() + "(...).as(\"name\").");
    }

    @Override
    public String toString() {
        return function.displayName() + "(" + argument.map(Column::toString).orElse("") + ")"
                + alias.map(a -> " AS " + a).orElse("");
    }
}
