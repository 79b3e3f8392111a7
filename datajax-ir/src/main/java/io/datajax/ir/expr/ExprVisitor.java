package io.datajax.ir.expr;

/** A visitor with one method per expression kind and no defaults: adding a kind breaks every visitor. */
public interface ExprVisitor<R> {
    R visitColumnRef(ColumnRef expr);

    R visitLiteral(Literal expr);

    R visitArithmetic(Arithmetic expr);

    R visitComparison(Comparison expr);

    R visitLogical(Logical expr);

    R visitNot(Not expr);

    R visitIsNull(IsNull expr);

    R visitCast(Cast expr);

    R visitCoalesce(Coalesce expr);
}
