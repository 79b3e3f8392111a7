package io.datajax.ir.error;

/**
 * Misuse of a traced value: a traced frame knows its schema, never its rows.
 *
 * <p>Cause: code inside a {@code djit} function asked a traced {@code Frame} for data (row count, a cell,
 * {@code toTable()}), or combined frames from different traces. Fix: express the computation with Frame
 * operations and read the data from the {@code Table} that {@code apply(...)} returns.
 */
public final class TracingException extends DataJaxException {
    public TracingException(ErrorCode code, String message) {
        super(code, message);
    }

    /** A traced frame was asked for data. */
    public static TracingException dataAccess(String operation, String instead) {
        return new TracingException(ErrorCode.TRACER_DATA_ACCESS, "Cannot call " + operation
                + " on a traced Frame: while tracing, a Frame knows its schema, never its rows. " + instead);
    }
}
