package io.datajax.ir.expr;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The first of {@code arguments} that is not null (null when all are). NaN is a value, not null. Every argument
 * has the result type (the API casts numeric arguments to the widest one, and a bare null to the result type);
 * null only when every argument can be.
 */
public record Coalesce(List<Expr> arguments) implements Expr {
    public Coalesce {
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        if (arguments.size() < 2) {
            throw new SchemaException(ErrorCode.INVALID_ARGUMENT, "coalesce needs at least two arguments, got "
                    + arguments.size() + ".");
        }
        DataType type = arguments.get(0).type();
        for (Expr argument : arguments) {
            if (argument.type() != type) {
                throw new SchemaException(ErrorCode.TYPE_MISMATCH, "coalesce arguments must share one type; got "
                        + arguments.stream().map(a -> a + " (" + a.type() + ")").collect(Collectors.joining(", "))
                        + ". Cast them to one type.");
            }
        }
    }

    @Override
    public DataType type() {
        return arguments.get(0).type();
    }

    @Override
    public boolean nullable() {
        return arguments.stream().allMatch(Expr::nullable);
    }

    @Override
    public List<Expr> children() {
        return arguments;
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return new Coalesce(children);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCoalesce(this);
    }

    @Override
    public String toString() {
        return "coalesce(" + arguments.stream().map(Expr::toString).collect(Collectors.joining(", ")) + ")";
    }
}
