/**
 * Typed scalar expressions: immutable records under the sealed {@link io.datajax.ir.expr.Expr}, each
 * checking its operand types when built (through the static {@code of} factories), plus
 * {@link io.datajax.ir.expr.Exprs} for traversal and rewriting.
 */
package io.datajax.ir.expr;
