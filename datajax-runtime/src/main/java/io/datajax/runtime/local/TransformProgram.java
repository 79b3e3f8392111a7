package io.datajax.runtime.local;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.InternalException;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.ir.plan.Filter;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain of {@link Filter} and {@link Project} nodes flattened into one pass over the chain's input: the
 * predicates, in chain order, and the output columns, each rewritten to read only input columns (a
 * projection's definitions are substituted into later nodes, so {@code qty := qty * 10} followed by
 * {@code filter(qty > 5)} filters on {@code input.qty * 10}). A row is output when every predicate is TRUE.
 *
 * @param predicates filters over the input columns, in chain order
 * @param outputs the output columns over the input columns, in output schema order
 */
record TransformProgram(List<Expr> predicates, List<NamedExpr> outputs) {
    TransformProgram {
        predicates = List.copyOf(predicates);
        outputs = List.copyOf(outputs);
    }

    /** The program of a chain of Filter/Project nodes over an input of the given schema. */
    static TransformProgram of(List<PlanNode> chain, Schema input) {
        Map<String, Expr> env = new HashMap<>();
        for (Field field : input.fields()) {
            env.put(field.name(), new ColumnRef(field.name(), field.type(), field.nullable()));
        }
        List<Expr> predicates = new ArrayList<>();
        for (PlanNode node : chain) {
            if (node instanceof Filter filter) {
                predicates.add(substitute(filter.predicate(), env));
            } else if (node instanceof Project project) {
                Map<String, Expr> next = new HashMap<>();
                for (NamedExpr named : project.exprs()) {
                    next.put(named.name(), substitute(named.expr(), env));
                }
                env = next;
            } else {
                throw new InternalException("not a filter or projection: " + node);
            }
        }
        Schema output = chain.isEmpty() ? input : chain.get(chain.size() - 1).schema();
        List<NamedExpr> outputs = new ArrayList<>();
        for (Field field : output.fields()) {
            Expr expr = env.get(field.name());
            if (expr == null) {
                throw new InternalException("column '" + field.name() + "' is not produced by " + chain);
            }
            outputs.add(new NamedExpr(field.name(), expr));
        }
        return new TransformProgram(predicates, outputs);
    }

    /** The identity program over a schema (no filter, every column as is). */
    static TransformProgram identity(Schema input) {
        return of(List.of(), input);
    }

    /** The definition of an output column over the input. */
    Expr output(String name) {
        for (NamedExpr named : outputs) {
            if (named.name().equals(name)) {
                return named.expr();
            }
        }
        throw new InternalException("no output column '" + name + "' in " + outputs);
    }

    /** {@code expr}, a reader of this program's output columns, rewritten over its input columns. */
    Expr rewrite(Expr expr) {
        Map<String, Expr> env = new HashMap<>();
        for (NamedExpr named : outputs) {
            env.put(named.name(), named.expr());
        }
        return substitute(expr, env);
    }

    private static Expr substitute(Expr expr, Map<String, Expr> env) {
        if (expr instanceof ColumnRef ref) {
            Expr definition = env.get(ref.name());
            if (definition == null) {
                throw new InternalException("column '" + ref.name() + "' is not defined at " + expr);
            }
            return definition;
        }
        List<Expr> children = expr.children();
        if (children.isEmpty()) {
            return expr;
        }
        List<Expr> replaced = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expr child : children) {
            Expr next = substitute(child, env);
            changed |= next != child;
            replaced.add(next);
        }
        return changed ? expr.withChildren(replaced) : expr;
    }
}
