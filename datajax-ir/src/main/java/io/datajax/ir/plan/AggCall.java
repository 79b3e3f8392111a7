package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.expr.Expr;
import java.io.Serializable;
import java.util.Optional;

/** One aggregate output: {@code name := function(argument)}; COUNT_ALL has no argument. */
public record AggCall(AggFunction function, Optional<Expr> argument, String name) implements Serializable {
    public AggCall {
        requireNonNull(function, "function is null");
        requireNonNull(argument, "argument is null");
        requireNonNull(name, "name is null");
        if ((function == AggFunction.COUNT_ALL) != argument.isEmpty()) {
            throw new IllegalArgumentException(function + (argument.isEmpty() ? " needs an argument" : " takes none"));
        }
        argument.ifPresent(arg -> {
            if (function.resultType(arg.type()).isEmpty()) {
                throw SchemaException.typeMismatch(function.displayName() + "(" + arg + ")",
                        function.displayName() + " does not accept " + arg.type() + (function == AggFunction.SUM
                                || function == AggFunction.MEAN ? "; it needs INT32, INT64 or FLOAT64." : "."));
            }
        });
    }

    /** The output type. */
    public DataType type() {
        return function.resultType(argument.map(Expr::type).orElse(DataType.NULL)).orElseThrow();
    }

    /** The output field; counts are never null, the others are null over an empty group. */
    public Field field() {
        boolean isCount = function == AggFunction.COUNT || function == AggFunction.COUNT_ALL;
        return new Field(name, type(), !isCount);
    }

    private Object writeReplace() {
        return new SerialForm(function, argument.orElse(null), name);
    }

    /** Serial form: {@link Optional} is not serializable. */
    private record SerialForm(AggFunction function, Expr argument, String name) implements Serializable {
        private Object readResolve() {
            return new AggCall(function, Optional.ofNullable(argument), name);
        }
    }

    @Override
    public String toString() {
        return name + " := " + function.displayName() + "(" + argument.map(Expr::toString).orElse("*") + ")";
    }
}
