package io.datajax.runtime.mpj.launch;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import io.datajax.runtime.mpj.RemoteRankException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Every error message of the MPJ process layer, built in one place. */
public final class MpjErrors {
    private static final String STOPPED = "All rank processes of the pool were stopped; RankPool.restart() starts"
            + " new ones.";

    private MpjErrors() {
    }

    /** A call failed on a rank: names the rank, stage, task and cause, with the remote stack. */
    static ExecutionException callFailed(String worldId, String stage, String taskClass, int size,
            FailureTriage triage, List<String> stderrTail) {
        int rank = triage.primaryRank();
        StringBuilder message = new StringBuilder()
                .append("MPJ stage '").append(stage).append("' failed on rank ").append(rank).append(" of ").append(size)
                .append(" (task ").append(taskClass).append(", pool ").append(worldId).append("): ")
                .append(triage.describe(rank)).append('.');
        appendDetails(message, triage, stderrTail);
        message.append("\n").append(STOPPED);
        return new ExecutionException(ErrorCode.EXECUTION_FAILED, message.toString(),
                triage.primaryReport().orElse(null));
    }

    /** A call outlived {@link io.datajax.runtime.mpj.MpjSettings#callTimeout()}. */
    static ResourceException callTimedOut(String worldId, String stage, String taskClass, Duration timeout,
            Collection<Integer> pending) {
        return new ResourceException(ErrorCode.RESOURCE_EXHAUSTED, "MPJ stage '" + stage + "' did not finish within "
                + format(timeout) + " (setting MpjSettings.callTimeout) on pool " + worldId + " (task " + taskClass
                + "); ranks " + pending + " had not answered. " + STOPPED + " Raise MpjSettings.callTimeout if the"
                + " work needs longer, or look for a rank waiting in a collective that another rank never called.",
                null);
    }

    /** Starting the ranks failed. */
    static ExecutionException startFailed(String worldId, int size, FailureTriage triage, List<String> stderrTail) {
        int rank = triage.primaryRank();
        StringBuilder message = new StringBuilder()
                .append("MPJ pool ").append(worldId).append(" of ").append(size).append(" ranks failed to start: ")
                .append(triage.describe(rank)).append('.');
        appendDetails(message, triage, stderrTail);
        message.append("\nNo rank process was left running.");
        return new ExecutionException(ErrorCode.EXECUTION_FAILED, message.toString(),
                triage.primaryReport().orElse(null));
    }

    /** Starting the ranks outlived {@link io.datajax.runtime.mpj.MpjSettings#startupTimeout()}. */
    static ResourceException startTimedOut(String worldId, int size, Duration timeout, Collection<Integer> ready) {
        return new ResourceException(ErrorCode.RESOURCE_EXHAUSTED, "MPJ pool " + worldId + " of " + size
                + " ranks did not start within " + format(timeout) + " (setting MpjSettings.startupTimeout); ranks "
                + ready + " were ready. No rank process was left running. Raise MpjSettings.startupTimeout on a slow"
                + " or busy machine.", null);
    }

    /** The rank JVMs could not be launched at all. */
    static ExecutionException launchFailed(String worldId, int rank, Exception cause) {
        return new ExecutionException(ErrorCode.EXECUTION_FAILED, "MPJ pool " + worldId + " could not launch rank "
                + rank + ": " + cause + ". No rank process was left running.", cause);
    }

    /** A call on a pool whose ranks are stopped. */
    public static ExecutionException poolStopped(String poolId, String why) {
        return new ExecutionException(ErrorCode.EXECUTION_FAILED, "MPJ pool " + poolId + " is stopped (" + why
                + "); call RankPool.restart() or start a new pool.");
    }

    /** A task class the ranks could not instantiate. */
    public static ExecutionException badTask(Class<?> task, String why) {
        return new ExecutionException(ErrorCode.INVALID_ARGUMENT, "RankTask " + task.getName() + " cannot run on"
                + " ranks: " + why + ". A rank task must be a public top-level or static nested class with a public"
                + " no-argument constructor.");
    }

    /** Per-rank payloads that do not match the rank count. */
    public static ExecutionException payloadCount(int size, int given) {
        return new ExecutionException(ErrorCode.INVALID_ARGUMENT, "An MPJ call needs one payload per rank: " + size
                + " expected, got " + given + ".");
    }

    /** A missing MPJ Express jar. */
    public static SchemaException missingMpj(Path jar) {
        return new SchemaException(ErrorCode.INVALID_CONFIG, "MPJ Express file " + jar + " (setting"
                + " MpjSettings.mpjClassPath) does not exist. Install MPJ Express with"
                + " 'apt-get install -y libmpj-java', or point MpjSettings.withMpj(...) at another installation.");
    }

    /** "3 s", "250 ms", "2 min". */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }

    private static void appendDetails(StringBuilder message, FailureTriage triage, List<String> stderrTail) {
        RemoteRankException report = triage.primaryReport().orElse(null);
        if (report != null) {
            message.append("\nRemote stack trace of rank ").append(report.rank()).append(":\n")
                    .append(indent(report.remoteStackTrace().strip()));
        } else if (!stderrTail.isEmpty()) {
            message.append("\nIts standard error ended with:\n").append(indent(String.join("\n", stderrTail)));
        }
        List<String> others = triage.others();
        if (!others.isEmpty()) {
            message.append("\nAlso (usually consequences): ").append(String.join("; ", others)).append('.');
        }
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
