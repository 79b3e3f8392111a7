package io.datajax.runtime.mpj.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.runtime.mpj.RemoteRankException;
import org.junit.jupiter.api.Test;

class FailureTriageTest {

    @Test
    void aTasksOwnExceptionIsTheCauseEvenWhenAPeersMpjErrorArrivedFirst() {
        FailureTriage triage = new FailureTriage();
        triage.add(new RankEvent.Failed(0, 1, remote(0, "mpi.MPIException", "ClosedChannelException")));
        triage.add(new RankEvent.Failed(1, 1, remote(1, "java.lang.IllegalStateException", "boom")));

        assertThat(triage.settled()).isTrue();
        assertThat(triage.primaryRank()).isEqualTo(1);
        assertThat(triage.describe(1)).isEqualTo("rank 1 threw java.lang.IllegalStateException: boom");
        assertThat(triage.others()).containsExactly("rank 0 threw mpi.MPIException: ClosedChannelException");
    }

    @Test
    void aRankThatDiedSilentlyOutranksAPeersMpjError() {
        FailureTriage triage = new FailureTriage();
        triage.add(new RankEvent.Failed(0, 1, remote(0, "mpi.MPIException", "peer gone")));
        assertThat(triage.settled()).isFalse();
        triage.add(new RankEvent.Exited(1, 137));
        assertThat(triage.settled()).isFalse();
        triage.add(new RankEvent.Lost(1, "the rank closed its control connection"));

        assertThat(triage.settled()).isTrue();
        assertThat(triage.primaryRank()).isEqualTo(1);
        assertThat(triage.describe(1)).isEqualTo("rank 1 exited with code 137 (SIGKILL)");
    }

    @Test
    void aReportAndTheExitOfTheSameRankAreDescribedTogether() {
        FailureTriage triage = new FailureTriage();
        triage.add(new RankEvent.Failed(1, 1, remote(1, "java.lang.RuntimeException", null)));
        triage.add(new RankEvent.Exited(1, 1));

        assertThat(triage.describe(1)).isEqualTo("rank 1 threw java.lang.RuntimeException, then exited with code 1");
    }

    @Test
    void aLostConnectionAloneIsDescribedWithItsReason() {
        FailureTriage triage = new FailureTriage();
        triage.add(new RankEvent.Lost(2, "the rank closed its control connection"));

        assertThat(triage.primaryRank()).isEqualTo(2);
        assertThat(triage.describe(2))
                .isEqualTo("rank 2 lost its control connection (the rank closed its control connection)");
    }

    private static RemoteRankException remote(int rank, String type, String message) {
        return new RemoteRankException(rank, type, message, type + ": " + message + "\n\tat somewhere");
    }
}
