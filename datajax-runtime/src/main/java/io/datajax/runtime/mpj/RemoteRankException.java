package io.datajax.runtime.mpj;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An exception thrown on a rank, as reported over the control channel: the remote class name, message
 * and full stack trace text. It carries no local stack of its own; it is the cause of the
 * {@link io.datajax.ir.error.ExecutionException} the driver throws.
 */
public final class RemoteRankException extends RuntimeException {
    private final int rank;
    private final String remoteClass;
    private final String remoteMessage;
    private final String remoteStackTrace;

    public RemoteRankException(int rank, String remoteClass, String remoteMessage, String remoteStackTrace) {
        super("rank " + rank + " threw " + remoteClass + (remoteMessage == null ? "" : ": " + remoteMessage),
                null, false, false);
        this.rank = rank;
        this.remoteClass = requireNonNull(remoteClass, "remoteClass is null");
        this.remoteMessage = remoteMessage;
        this.remoteStackTrace = requireNonNull(remoteStackTrace, "remoteStackTrace is null");
    }

    /** The rank that threw. */
    public int rank() {
        return rank;
    }

    /** The binary name of the remote exception's class. */
    public String remoteClass() {
        return remoteClass;
    }

    /** The remote exception's message, if it had one. */
    public Optional<String> remoteMessage() {
        return Optional.ofNullable(remoteMessage);
    }

    /** The remote {@code printStackTrace} text, causes included. */
    public String remoteStackTrace() {
        return remoteStackTrace;
    }
}
