package io.datajax.ir.error;

/** A failure while running a plan: bad data (overflow, invalid cast) or a failed executor. */
public final class ExecutionException extends DataJaxException {
    public ExecutionException(ErrorCode code, String message) {
        super(code, message);
    }

    public ExecutionException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
