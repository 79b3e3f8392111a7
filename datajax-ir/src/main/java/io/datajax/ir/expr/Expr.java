package io.datajax.ir.expr;

import io.datajax.ir.DataType;
import java.io.Serializable;
import java.util.List;

/**
 * A typed scalar expression evaluated per row. Immutable; compares structurally; {@link #toString()}
 * is the canonical text form.
 */
public sealed interface Expr extends Serializable
        permits ColumnRef, Literal, Arithmetic, Comparison, Logical, Not, IsNull, Cast, Coalesce {

    /** The result type. */
    DataType type();

    /** Whether the result may be null. */
    boolean nullable();

    /** Direct operands, left to right. */
    List<Expr> children();

    /** This expression with its operands replaced (same count), re-checking types. */
    Expr withChildren(List<Expr> children);

    <R> R accept(ExprVisitor<R> visitor);
}
