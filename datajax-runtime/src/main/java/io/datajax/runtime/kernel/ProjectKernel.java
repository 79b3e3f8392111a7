package io.datajax.runtime.kernel;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.expr.NamedExpr;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes one output column per named expression. Every expression reads the input batch, never a
 * sibling output, so {@code qty := qty * 10} uses the old {@code qty}. Preserves row order and count.
 */
public final class ProjectKernel {
    private ProjectKernel() {
    }

    /** The projection of {@code input}; the output schema is the expressions' fields in order. */
    public static Batch project(List<NamedExpr> exprs, Batch input) {
        List<Field> fields = new ArrayList<>(exprs.size());
        List<Column> columns = new ArrayList<>(exprs.size());
        for (NamedExpr named : exprs) {
            fields.add(named.field());
            columns.add(ExpressionEvaluator.evaluate(named.expr(), input));
        }
        return new Batch(new Schema(fields), columns, input.rowCount());
    }
}
