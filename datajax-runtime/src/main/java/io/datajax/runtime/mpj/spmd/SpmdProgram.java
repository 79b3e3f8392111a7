package io.datajax.runtime.mpj.spmd;

/** The body of an SPMD main, run by {@link SpmdSession#runMain} on every rank with the joined session. */
@FunctionalInterface
public interface SpmdProgram {
    /** Runs this rank's part of the job; any exception fails the rank (non-zero exit). */
    void run(SpmdSession session) throws Exception;
}
