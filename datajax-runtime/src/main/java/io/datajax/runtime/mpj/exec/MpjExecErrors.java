package io.datajax.runtime.mpj.exec;

import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.InternalException;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.ShardingException;
import io.datajax.runtime.mpj.RemoteRankException;
import java.util.Optional;

/** Every message of the MPJ executor, in one place. */
final class MpjExecErrors {
    private MpjExecErrors() {
    }

    /**
     * The error to throw for a failed rank-pool call. When a stage failed on a rank with a DataJax error
     * (bad data: integer overflow, invalid cast, ...), an error of the same class and code, whose message
     * gives the original reason, then the stage and rank; the pool's error (with the remote stack trace)
     * is its cause. Anything else (a rank that died, a timeout, a bug) is the pool's error as is: it names
     * the stages of the call, the rank and the cause.
     */
    static DataJaxException callFailed(DataJaxException poolError, int ranks) {
        if (!(poolError.getCause() instanceof RemoteRankException remote)) {
            return poolError;
        }
        if (remote.remoteClass().equals(ExecutionException.class.getName())
                && remote.remoteMessage().orElse("").startsWith("[" + ErrorCode.INVALID_PLAN + "] ")) {
            String reason = remote.remoteMessage().get().substring(ErrorCode.INVALID_PLAN.name().length() + 3);
            return new ExecutionException(ErrorCode.INVALID_PLAN, reason + " (MPJ executor; its ranks were stopped and"
                    + " restart on the next call)", poolError);
        }
        if (!remote.remoteClass().equals(RankStageException.class.getName())) {
            return poolError;
        }
        Optional<RankStageException.Parsed> parsed = RankStageException.parse(remote.remoteMessage().orElse(null));
        if (parsed.isEmpty() || parsed.get().code().isEmpty()) {
            return poolError;
        }
        RankStageException.Parsed failure = parsed.get();
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(failure.code().get());
        } catch (IllegalArgumentException e) {
            return poolError;
        }
        String message = failure.reason() + " (in " + failure.stage() + " on rank " + failure.rank() + " of " + ranks
                + " of the MPJ executor; its ranks were stopped and restart on the next call)";
        DataJaxException translated = switch (failure.errorClass()) {
            case "io.datajax.ir.error.ExecutionException" -> new ExecutionException(code, message, poolError);
            case "io.datajax.ir.error.ResourceException" -> new ResourceException(code, message, poolError);
            case "io.datajax.ir.error.SchemaException" -> new SchemaException(code, message);
            case "io.datajax.ir.error.ShardingException" -> new ShardingException(code, message);
            case "io.datajax.ir.error.InternalException" -> new InternalException(message);
            default -> null;
        };
        if (translated == null) {
            return poolError;
        }
        if (translated.getCause() == null) {
            translated.initCause(poolError);
        }
        return translated;
    }

    static ExecutionException parallelismMismatch(int planned, int ranks) {
        return new ExecutionException(ErrorCode.INVALID_PLAN, "The plan was split for " + planned + " rank(s), but"
                + " the MPJ executor has " + ranks + ". Plan with Executor.parallelism() of the executor that runs"
                + " it (JitFunction does this).");
    }

    static ExecutionException closed() {
        return new ExecutionException(ErrorCode.EXECUTION_FAILED, "The MPJ executor was closed; create a new one"
                + " (Executors.mpj(...)).");
    }

    static InternalException leaked(String allocator, long bytes) {
        return new InternalException("The MPJ executor's driver left " + bytes + " bytes of Arrow memory allocated in "
                + allocator + ". This is a bug.");
    }
}
