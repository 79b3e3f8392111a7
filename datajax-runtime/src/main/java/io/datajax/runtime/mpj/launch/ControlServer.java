package io.datajax.runtime.mpj.launch;

import static java.util.Objects.requireNonNull;

import io.datajax.runtime.mpj.control.ControlCodec;
import io.datajax.runtime.mpj.control.ControlMessage;
import io.datajax.runtime.mpj.control.ControlMessage.Hello;
import io.datajax.runtime.mpj.control.ControlMessage.Welcome;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's control server of one pool generation: accepts one authenticated connection per rank and
 * then stops listening. A connection is admitted only if its hello passes the {@link Admission} (pool
 * secret, rank range, launched pid) and its rank has not joined yet; anything else is logged and closed
 * without an answer. Each handshake runs on its own daemon thread with a read timeout, so a silent
 * client cannot hold up the others.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    /** Told about each admitted connection and each refusal. */
    public interface Listener {
        /** {@code rank} joined; the connection is now the caller's. */
        void admitted(AdmittedConnection connection);

        /** A connection was refused and closed. */
        void refused(String peer, String reason);
    }

    /** An authenticated control connection, with its buffered streams. */
    public record AdmittedConnection(int rank, Socket socket, DataInputStream in, DataOutputStream out) {
    }

    private final ServerSocket server;
    private final Set<Integer> joined = new HashSet<>();

    private ControlServer(ServerSocket server) {
        this.server = server;
    }

    /** Listens on {@code bind} at an ephemeral port. */
    public static ControlServer open(InetAddress bind, int backlog) throws IOException {
        return new ControlServer(new ServerSocket(0, Math.max(50, backlog), bind));
    }

    /** Where ranks connect. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * Accepts connections on a daemon thread until every rank of {@code admission} has joined or this
     * server is closed.
     *
     * @param welcome sent to each admitted rank
     */
    public void start(Admission admission, Welcome welcome, Duration handshakeTimeout, Listener listener) {
        requireNonNull(admission, "admission is null");
        requireNonNull(welcome, "welcome is null");
        requireNonNull(listener, "listener is null");
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread handshake = new Thread(() -> handshake(socket, admission, welcome, handshakeTimeout, listener),
                            "datajax-control-handshake");
                    handshake.setDaemon(true);
                    handshake.start();
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        LOG.warn("control server {} stopped accepting: {}", address(), e.toString());
                    }
                    return;
                }
            }
        }, "datajax-control-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing control server: {}", e.toString());
        }
    }

    private void handshake(Socket socket, Admission admission, Welcome welcome, Duration timeout, Listener listener) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            ControlMessage first = ControlCodec.read(in, ControlCodec.HANDSHAKE_LIMIT);
            if (!(first instanceof Hello hello)) {
                refuse(socket, peer, "the first message was not a hello", listener);
                return;
            }
            String refusal = admission.refusal(hello).orElse(null);
            if (refusal == null && !join(hello.rank(), admission.ranks())) {
                refusal = "rank " + hello.rank() + " has joined already";
            }
            if (refusal != null) {
                refuse(socket, peer, refusal, listener);
                return;
            }
            ControlCodec.write(out, welcome);
            socket.setSoTimeout(0);
            listener.admitted(new AdmittedConnection(hello.rank(), socket, in, out));
        } catch (IOException | RuntimeException e) {
            refuse(socket, peer, "bad handshake: " + e, listener);
        }
    }

    private synchronized boolean join(int rank, int ranks) {
        boolean added = joined.add(rank);
        if (joined.size() == ranks) {
            close();
        }
        return added;
    }

    private static void refuse(Socket socket, String peer, String reason, Listener listener) {
        LOG.warn("refused control connection from {}: {}", peer, reason);
        try {
            socket.close();
        } catch (IOException e) {
            // closing a refused connection; nothing to do
        }
        listener.refused(peer, reason);
    }
}
