package io.datajax.runtime.mpj.launch;

import io.datajax.runtime.mpj.RemoteRankException;

/** Something that happened to a rank, as the driver's watchers report it to the {@link RankWorld}. */
public sealed interface RankEvent {

    /** The rank the event is about, or -1 when it concerns no single rank. */
    int rank();

    /** The rank finished {@code MPI.Init} and waits for tasks. */
    record Ready(int rank, long initNanos) implements RankEvent {
    }

    /** The rank's task of call {@code callId} returned. */
    record Answered(int rank, long callId, byte[] result, long runNanos) implements RankEvent {
    }

    /** The rank reported an exception (it halts right after). */
    record Failed(int rank, long callId, RemoteRankException failure) implements RankEvent {
    }

    /** The rank's control connection ended or broke. */
    record Lost(int rank, String reason) implements RankEvent {
    }

    /** The rank's process exited. */
    record Exited(int rank, int exitCode) implements RankEvent {
    }

    /** Starting the pool failed outside any one rank's control (rendezvous, accept). */
    record StartFailed(int rank, String reason) implements RankEvent {
    }
}
