package io.datajax.ir.expr;

import io.datajax.ir.DataType;
import io.datajax.ir.error.SchemaException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Traversal and rewriting helpers for {@link Expr} trees. */
public final class Exprs {
    private Exprs() {
    }

    /** The names of the columns an expression reads, in first-use order. */
    public static Set<String> columns(Expr expr) {
        Set<String> out = new LinkedHashSet<>();
        collectColumns(expr, out);
        return out;
    }

    private static void collectColumns(Expr expr, Set<String> out) {
        if (expr instanceof ColumnRef ref) {
            out.add(ref.name());
        }
        for (Expr child : expr.children()) {
            collectColumns(child, out);
        }
    }

    /** Rebuilds {@code expr} bottom-up, replacing each node by {@code fn(node)} after its children. */
    public static Expr transformUp(Expr expr, Function<Expr, Expr> fn) {
        List<Expr> children = expr.children();
        Expr rebuilt = expr;
        if (!children.isEmpty()) {
            List<Expr> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (Expr child : children) {
                Expr newChild = transformUp(child, fn);
                changed |= newChild != child;
                newChildren.add(newChild);
            }
            if (changed) {
                rebuilt = expr.withChildren(newChildren);
            }
        }
        return fn.apply(rebuilt);
    }

    /** Splits a predicate into its top-level AND terms. */
    public static List<Expr> conjuncts(Expr predicate) {
        List<Expr> out = new ArrayList<>();
        collectConjuncts(predicate, out);
        return out;
    }

    private static void collectConjuncts(Expr predicate, List<Expr> out) {
        if (predicate instanceof Logical logical && logical.op() == LogicalOp.AND) {
            collectConjuncts(logical.left(), out);
            collectConjuncts(logical.right(), out);
        } else {
            out.add(predicate);
        }
    }

    /** The AND of the given terms, left-deep; the list must not be empty. */
    public static Expr and(List<Expr> terms) {
        Expr out = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            out = new Logical(LogicalOp.AND, out, terms.get(i));
        }
        return out;
    }

    static void requireBoolean(Expr operand, String where) {
        if (operand.type() != DataType.BOOLEAN && operand.type() != DataType.NULL) {
            throw SchemaException.typeMismatch(where, "operand '" + operand + "' is " + operand.type() + ", but "
                    + where + " needs BOOLEAN. Compare it with a value first, e.g. col(\"x\").gt(0).");
        }
    }
}
