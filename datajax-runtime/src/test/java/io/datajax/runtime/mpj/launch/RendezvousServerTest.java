package io.datajax.runtime.mpj.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RendezvousServerTest {

    @Test
    void thePeerTableListsRanksInOrderWithReadPortBeforeWritePort() {
        assertThat(RendezvousServer.peerTable(Map.of(1, "127.0.0.1@30002@30003@1@0", 0, "127.0.0.1@30000@30001@0@0")))
                .isEqualTo("#Peer Information;127.0.0.1@30000@30001@0@0;127.0.0.1@30002@30003@1@0");
    }

    @Test
    void registeredRanksGetThePeerTableOnceAllHaveArrived() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        CompletableFuture<String> completed = new CompletableFuture<>();
        try (RendezvousServer server = RendezvousServer.open(loopback, 2)) {
            server.start(2, rank -> Optional.of(loopback), Duration.ofSeconds(5), listener(completed));
            try (Socket rank1 = register(server, 1, 41001, 41000); Socket rank0 = register(server, 0, 40001, 40000)) {
                String expected = "#Peer Information;127.0.0.1@40000@40001@0@0;127.0.0.1@41000@41001@1@0";
                assertThat(new DataInputStream(rank0.getInputStream()).readUTF()).isEqualTo(expected);
                assertThat(new DataInputStream(rank1.getInputStream()).readUTF()).isEqualTo(expected);
                assertThat(completed.get(5, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        }
    }

    @Test
    void aRankWithoutAnAuthenticatedControlConnectionIsRefused() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        CompletableFuture<String> completed = new CompletableFuture<>();
        try (RendezvousServer server = RendezvousServer.open(loopback, 2)) {
            server.start(2, rank -> Optional.empty(), Duration.ofSeconds(5), listener(completed));
            try (Socket stranger = register(server, 0, 40001, 40000)) {
                assertThat(stranger.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(completed).isNotDone();
        }
    }

    @Test
    void aSecondRegistrationOfTheSameRankFailsTheStart() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        CompletableFuture<String> completed = new CompletableFuture<>();
        try (RendezvousServer server = RendezvousServer.open(loopback, 3)) {
            server.start(3, rank -> Optional.of(loopback), Duration.ofSeconds(5), listener(completed));
            try (Socket first = register(server, 0, 40001, 40000); Socket second = register(server, 0, 40003, 40002)) {
                assertThat(completed).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                        .withMessageContaining("rank 0 registered twice at the MPJ rendezvous");
                assertThat(List.of(first, second)).allMatch(Socket::isConnected);
            }
        }
    }

    private static Socket register(RendezvousServer server, int rank, int writePort, int readPort) throws Exception {
        Socket socket = new Socket(server.address().getAddress(), server.address().getPort());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeUTF("Sending Info");
        out.writeInt(writePort);
        out.writeInt(readPort);
        out.writeInt(rank);
        out.flush();
        return socket;
    }

    private static RendezvousServer.Listener listener(CompletableFuture<String> completed) {
        return new RendezvousServer.Listener() {
            @Override
            public void completed(String peerTable) {
                completed.complete(peerTable);
            }

            @Override
            public void failed(String reason) {
                completed.completeExceptionally(new IllegalStateException(reason));
            }
        };
    }
}
