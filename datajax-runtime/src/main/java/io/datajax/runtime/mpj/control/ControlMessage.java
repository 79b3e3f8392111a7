package io.datajax.runtime.mpj.control;

import static java.util.Objects.requireNonNull;

/** One message of the control protocol between the driver and a rank; see {@link ControlCodec}. */
public sealed interface ControlMessage {

    /** Rank to driver, first message: who the rank is and the pool's secret. */
    record Hello(int rank, long pid, byte[] secret) implements ControlMessage {
        public Hello {
            requireNonNull(secret, "secret is null");
        }
    }

    /**
     * Driver to rank: the hello was accepted; the rank may start {@code MPI.Init}. Carries the settings a
     * rank needs, so they travel by protocol rather than by environment.
     */
    record Welcome(int roundBytes) implements ControlMessage {
    }

    /** Rank to driver: {@code MPI.Init} finished; the rank waits for tasks. */
    record Ready(long initNanos) implements ControlMessage {
    }

    /** Driver to rank: run {@code taskClass} for call {@code callId} on {@code payload}. */
    record Task(long callId, String stage, String taskClass, byte[] payload) implements ControlMessage {
        public Task {
            requireNonNull(stage, "stage is null");
            requireNonNull(taskClass, "taskClass is null");
            requireNonNull(payload, "payload is null");
        }
    }

    /** Rank to driver: the task of call {@code callId} returned {@code result}. */
    record Result(long callId, long runNanos, byte[] result) implements ControlMessage {
        public Result {
            requireNonNull(result, "result is null");
        }
    }

    /**
     * Rank to driver: something threw; the rank halts right after. {@code callId} is -1 outside a call.
     * {@code message} may be null.
     */
    record Failure(long callId, String exceptionClass, String message, String stackTrace) implements ControlMessage {
        public Failure {
            requireNonNull(exceptionClass, "exceptionClass is null");
            requireNonNull(stackTrace, "stackTrace is null");
        }
    }

    /** Driver to rank: finalize MPI and exit 0. */
    record Stop() implements ControlMessage {
    }
}
