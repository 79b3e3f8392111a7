package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.expr.Expr;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.BooleanColumn;
import io.datajax.runtime.column.Column;

/** Keeps the rows whose predicate is TRUE (not false, not null), preserving input order. */
public final class FilterKernel {
    private FilterKernel() {
    }

    /** The ids of the rows of {@code batch} where {@code predicate} is TRUE, ascending. */
    public static int[] select(Expr predicate, Batch batch) {
        Column result = ExpressionEvaluator.evaluate(predicate, batch);
        if (result.type() == DataType.NULL) {
            return new int[0];
        }
        boolean[] values = ((BooleanColumn) result).values();
        boolean[] nulls = result.nulls();
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] && (nulls == null || !nulls[i])) {
                count++;
            }
        }
        int[] selection = new int[count];
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] && (nulls == null || !nulls[i])) {
                selection[next++] = i;
            }
        }
        return selection;
    }

    /** The rows of {@code batch} where {@code predicate} is TRUE, in input order. */
    public static Batch filter(Expr predicate, Batch batch) {
        int[] selection = select(predicate, batch);
        return selection.length == batch.rowCount() ? batch : batch.gather(selection);
    }
}
