package io.datajax.runtime.mpj.rank;

/** Exit statuses of a rank JVM, as the driver reports them. */
public final class RankExit {
    /** Stopped cleanly after {@code MPI.Finalize}. */
    public static final int OK = 0;
    /** Something threw; the failure was reported to the driver first when possible. */
    public static final int FAILED = 1;
    /** Bad command line or secret: the rank never joined. */
    public static final int BAD_LAUNCH = 2;
    /** The driver went away (control connection closed). */
    public static final int CONTROL_LOST = 4;

    private RankExit() {
    }
}
