package io.datajax.ir.plan;

/** Join kinds. SEMI and ANTI output the left columns only. */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    SEMI,
    ANTI;

    /** Whether left rows without a match are kept (null-padded on the right). */
    public boolean keepsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }

    /** Whether right rows without a match are kept (null-padded on the left). */
    public boolean keepsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }

    /** Whether the output carries the right side's columns. */
    public boolean outputsRight() {
        return this != SEMI && this != ANTI;
    }
}
