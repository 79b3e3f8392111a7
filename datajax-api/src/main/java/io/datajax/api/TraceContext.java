package io.datajax.api;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.TracingException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Identity of one trace: frames from different traces cannot be combined. The trace being recorded on a thread
 * is its current one, so that {@link Frame#read} can add a source to it.
 */
final class TraceContext {
    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();

    private final long id;
    /** What a transform being traced (vmap, scan) adds to a data-access error; empty outside one. */
    private String transformNote = "";

    TraceContext(long id) {
        this.id = id;
    }

    /** The trace this thread is recording, if any. */
    static Optional<TraceContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code body} with this trace as the thread's current one (restoring the previous one after). */
    <T> T record(Supplier<T> body) {
        TraceContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs {@code body} with {@code note} added to data-access errors (tracing a function inside a transform). */
    <T> T inTransform(String note, Supplier<T> body) {
        String previous = transformNote;
        transformNote = note;
        try {
            return body.get();
        } finally {
            transformNote = previous;
        }
    }

    /** The note of the transform being traced, or empty. */
    String transformNote() {
        return transformNote;
    }

    void requireSameTrace(TraceContext other, String operation) {
        if (other != this) {
            throw new TracingException(ErrorCode.FOREIGN_FRAME, "Cannot " + operation + " frames from different traces"
                    + " (trace " + id + " and trace " + other.id + "). A frame captured from another djit call cannot be"
                    + " used here; pass the data as another input of this function instead.");
        }
    }
}
