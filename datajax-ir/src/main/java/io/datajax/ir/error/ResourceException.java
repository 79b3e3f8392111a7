package io.datajax.ir.error;

/** A limit was reached (memory, processes, time); the message names the setting to change. */
public final class ResourceException extends DataJaxException {
    public ResourceException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
