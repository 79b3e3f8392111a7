package io.datajax.runtime.mpj.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.runtime.mpj.control.ControlCodec;
import io.datajax.runtime.mpj.control.ControlMessage;
import io.datajax.runtime.mpj.control.ControlMessage.Hello;
import io.datajax.runtime.mpj.control.ControlMessage.Welcome;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlServerTest {
    private static final long PID = 4242;

    private final PoolSecret secret = PoolSecret.random();
    private final List<Integer> admitted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private ControlServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = ControlServer.open(InetAddress.getLoopbackAddress(), 4);
        server.start(new Admission(secret, 2, rank -> PID + rank), new Welcome(1000), Duration.ofSeconds(5),
                new ControlServer.Listener() {
                    @Override
                    public void admitted(ControlServer.AdmittedConnection connection) {
                        admitted.add(connection.rank());
                    }

                    @Override
                    public void refused(String peer, String reason) {
                        refusals.add(reason);
                    }
                });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRankWithTheSecretAndItsLaunchedPidIsWelcomed() throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            ControlMessage answer = hello(socket, new Hello(1, PID + 1, secret.bytes()));

            assertThat(answer).isEqualTo(new Welcome(1000));
            awaitSize(admitted, 1);
            assertThat(admitted).containsExactly(1);
        }
    }

    @Test
    void aWrongSecretIsRefusedWithoutAnAnswer() throws Exception {
        byte[] wrong = secret.bytes();
        wrong[0] ^= 1;
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            assertThat(helloOrEnd(socket, new Hello(0, PID, wrong))).isNull();
        }
        awaitSize(refusals, 1);
        assertThat(refusals).containsExactly("wrong secret");
        assertThat(admitted).isEmpty();
    }

    @Test
    void aPidOtherThanTheLaunchedOneIsRefused() throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            assertThat(helloOrEnd(socket, new Hello(0, 99, secret.bytes()))).isNull();
        }
        awaitSize(refusals, 1);
        assertThat(refusals).containsExactly("rank 0 says pid 99 but pid 4242 was launched for it");
    }

    @Test
    void aRankJoiningTwiceIsRefusedTheSecondTime() throws Exception {
        try (Socket first = new Socket(server.address().getAddress(), server.address().getPort());
                Socket second = new Socket(server.address().getAddress(), server.address().getPort())) {
            assertThat(hello(first, new Hello(0, PID, secret.bytes()))).isInstanceOf(Welcome.class);
            assertThat(helloOrEnd(second, new Hello(0, PID, secret.bytes()))).isNull();
        }
        awaitSize(refusals, 1);
        assertThat(refusals).containsExactly("rank 0 has joined already");
    }

    @Test
    void garbageInsteadOfAHelloIsRefused() throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        awaitSize(refusals, 1);
        assertThat(refusals.get(0)).startsWith("bad handshake: java.io.StreamCorruptedException: not a DataJax control frame");
    }

    private static ControlMessage hello(Socket socket, Hello hello) throws IOException {
        ControlCodec.write(new DataOutputStream(socket.getOutputStream()), hello);
        return ControlCodec.read(new DataInputStream(socket.getInputStream()), ControlCodec.HANDSHAKE_LIMIT);
    }

    /** The answer, or null when the server closed the connection instead. */
    private static ControlMessage helloOrEnd(Socket socket, Hello hello) throws IOException {
        try {
            return hello(socket, hello);
        } catch (EOFException | SocketException e) {
            return null;
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        for (int i = 0; i < 250 && list.size() < size; i++) {
            Thread.sleep(20);
        }
    }
}
