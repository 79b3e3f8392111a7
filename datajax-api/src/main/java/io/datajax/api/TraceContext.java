package io.datajax.api;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;

/** Identity of one trace: frames from different traces cannot be combined. */
final class TraceContext {
    private final long id;

    TraceContext(long id) {
        this.id = id;
    }

    void requireSameTrace(TraceContext other, String operation) {
        if (other != this) {
            throw new TracingException(ErrorCode.FOREIGN_FRAME, "Cannot " + operation + " frames from different traces"
                    + " (trace " + id + " and trace " + other.id + "). A frame captured from another djit call cannot be"
                    + " used here; pass the data as another input of this function instead.");
        }
    }
}
