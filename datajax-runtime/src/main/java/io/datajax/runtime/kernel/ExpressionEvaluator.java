package io.datajax.runtime.kernel;

import io.datajax.ir.error.InternalException;
import io.datajax.ir.expr.Arithmetic;
import io.datajax.ir.expr.Cast;
import io.datajax.ir.expr.Coalesce;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Comparison;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.ExprVisitor;
import io.datajax.ir.expr.IsNull;
import io.datajax.ir.expr.Literal;
import io.datajax.ir.expr.Logical;
import io.datajax.ir.expr.Not;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an {@link Expr} over a {@link Batch} a column at a time, producing a column of
 * {@link Expr#type()} with one row per input row, or per entry of a selection vector. Columns are read
 * from the batch by name; the batch is never modified.
 */
public final class ExpressionEvaluator {
    private ExpressionEvaluator() {
    }

    /** The value of {@code expr} for every row of {@code batch}. */
    public static Column evaluate(Expr expr, Batch batch) {
        return evaluate(expr, batch, null);
    }

    /**
     * The value of {@code expr} for the rows {@code selection} lists (row ids, in that order), or for every
     * row when {@code selection} is null.
     */
    public static Column evaluate(Expr expr, Batch batch, int[] selection) {
        int rows = selection == null ? batch.rowCount() : selection.length;
        Column result = expr.accept(new Visitor(batch, selection, rows));
        if (result.type() != expr.type() || result.length() != rows) {
            throw new InternalException("evaluating '" + expr + "' gave " + result.length() + " rows of "
                    + result.type() + ", expected " + rows + " of " + expr.type());
        }
        return result;
    }

    private static final class Visitor implements ExprVisitor<Column> {
        private final Batch batch;
        private final int[] selection;
        private final int rows;
        private final Map<String, Column> gathered = new HashMap<>();

        Visitor(Batch batch, int[] selection, int rows) {
            this.batch = batch;
            this.selection = selection;
            this.rows = rows;
        }

        @Override
        public Column visitColumnRef(ColumnRef expr) {
            int index = batch.schema().indexOf(expr.name());
            if (index < 0) {
                throw new InternalException("column '" + expr.name() + "' is not in the stage input "
                        + batch.schema());
            }
            Column column = batch.column(index);
            if (column.type() != expr.type()) {
                throw new InternalException("column '" + expr.name() + "' is " + column.type()
                        + " at run time but was traced as " + expr.type());
            }
            return selection == null ? column : gathered.computeIfAbsent(expr.name(), name -> column.gather(selection));
        }

        @Override
        public Column visitLiteral(Literal expr) {
            return Column.constant(expr.type(), expr.value(), rows);
        }

        @Override
        public Column visitArithmetic(Arithmetic expr) {
            return ArithmeticKernel.apply(expr, expr.left().accept(this), expr.right().accept(this));
        }

        @Override
        public Column visitComparison(Comparison expr) {
            return ComparisonKernel.apply(expr, expr.left().accept(this), expr.right().accept(this));
        }

        @Override
        public Column visitLogical(Logical expr) {
            return LogicalKernel.apply(expr.op(), expr.left().accept(this), expr.right().accept(this));
        }

        @Override
        public Column visitNot(Not expr) {
            return LogicalKernel.not(expr.input().accept(this));
        }

        @Override
        public Column visitIsNull(IsNull expr) {
            return LogicalKernel.isNull(expr.input().accept(this), expr.negated());
        }

        @Override
        public Column visitCast(Cast expr) {
            return CastKernel.cast(expr.input().accept(this), expr.type(), expr.toString());
        }

        /** All arguments' values one after another, then per row the row of the first non-null one. */
        @Override
        public Column visitCoalesce(Coalesce expr) {
            List<Column> arguments = new ArrayList<>();
            for (Expr argument : expr.arguments()) {
                arguments.add(argument.accept(this));
            }
            Column all = arguments.get(0);
            for (int a = 1; a < arguments.size(); a++) {
                all = all.concat(arguments.get(a));
            }
            int last = arguments.size() - 1;
            int[] picks = new int[rows];
            for (int row = 0; row < rows; row++) {
                int a = 0;
                while (a < last && arguments.get(a).isNull(row)) {
                    a++;
                }
                picks[row] = a * rows + row;
            }
            return all.gather(picks);
        }
    }
}
