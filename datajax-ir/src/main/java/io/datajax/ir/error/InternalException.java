package io.datajax.ir.error;

/** A DataJax bug: an invariant did not hold. The message says so; please report it. */
public final class InternalException extends DataJaxException {
    public InternalException(String message) {
        super(ErrorCode.INTERNAL, "Internal error (a DataJax bug, please report it): " + message);
    }
}
