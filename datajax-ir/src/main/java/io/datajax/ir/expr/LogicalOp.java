package io.datajax.ir.expr;

/** Three-valued {@code AND} and {@code OR}. */
public enum LogicalOp {
    AND,
    OR;
}
