package io.datajax.ir.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Root of every error DataJax raises. Unchecked; carries a stable {@link ErrorCode} and, once known,
 * the user's call site (the first stack frame outside DataJax), which the message ends with.
 */
public abstract class DataJaxException extends RuntimeException {
    private final ErrorCode code;
    private volatile StackTraceElement callSite;

    protected DataJaxException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    protected DataJaxException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** The stable code of this error. */
    public ErrorCode code() {
        return code;
    }

    /** The user's line that caused this error, if known. */
    public Optional<StackTraceElement> callSite() {
        return Optional.ofNullable(callSite);
    }

    /**
     * Records the user's call site, once: later calls keep the first. Found from this exception's own
     * stack trace when {@code site} is null.
     */
    public DataJaxException withCallSite(StackTraceElement site) {
        if (callSite == null) {
            callSite = site != null ? site : CallSites.firstUserFrame(getStackTrace()).orElse(null);
        }
        return this;
    }

    /** The message without the call site. */
    public String reason() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        StackTraceElement site = callSite;
        String base = "[" + code + "] " + super.getMessage();
        return site == null ? base : base + "\n  at " + site;
    }
}
