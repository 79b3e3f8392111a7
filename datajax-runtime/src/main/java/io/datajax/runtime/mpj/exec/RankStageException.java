package io.datajax.runtime.mpj.exec;

import io.datajax.ir.error.DataJaxException;
import io.datajax.planner.stages.StageKind;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage's failure on a rank, thrown there so that the rank pool reports it to the driver with the stage
 * and the original error: its message is {@code stage 3 AGGREGATE on rank 1 of 2 failed:
 * io.datajax.ir.error.ExecutionException[INTEGER_OVERFLOW]: <reason>} (the code only for DataJax errors),
 * which {@link #parse} reads back on the driver. The original exception is the cause (its stack trace
 * travels with the report).
 */
final class RankStageException extends RuntimeException {
    private static final Pattern FORMAT = Pattern.compile(
            "stage (\\d+) (\\w+) on rank (\\d+) of (\\d+) failed: ([\\w.$]+)(?:\\[(\\w+)])?: (.*)", Pattern.DOTALL);

    RankStageException(StageStep step, int rank, int size, Throwable cause) {
        super("stage " + step.id() + " " + step.kind() + " on rank " + rank + " of " + size + " failed: "
                + cause.getClass().getName()
                + (cause instanceof DataJaxException dj ? "[" + dj.code() + "]: " + dj.reason() : ": " + cause.getMessage()),
                cause);
    }

    /**
     * A failure as the driver reads it from a rank's report.
     *
     * @param stageId the stage
     * @param kind its kind
     * @param rank the rank it failed on
     * @param errorClass the original exception's class name
     * @param code the DataJax error code, when the original was a DataJax error
     * @param reason the original message (without code)
     */
    record Parsed(int stageId, StageKind kind, int rank, String errorClass, Optional<String> code, String reason) {
        /** "stage 3 AGGREGATE". */
        String stage() {
            return StageStep.label(stageId, kind);
        }
    }

    /** The failure described by a remote message of this class, if it is one. */
    static Optional<Parsed> parse(String remoteMessage) {
        if (remoteMessage == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(remoteMessage);
        if (!m.matches()) {
            return Optional.empty();
        }
        StageKind kind;
        try {
            kind = StageKind.valueOf(m.group(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Integer.parseInt(m.group(1)), kind, Integer.parseInt(m.group(3)), m.group(5),
                Optional.ofNullable(m.group(6)), m.group(7)));
    }
}
