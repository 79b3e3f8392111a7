package io.datajax.runtime.mpj.launch;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MPJ Express niodev rendezvous of one pool generation, in place of MPJ's daemon. Each rank's
 * {@code MPI.Init} connects and sends {@code writeUTF("Sending Info")}, {@code writeInt(wport)},
 * {@code writeInt(rport)}, {@code writeInt(rank)}; when all ranks have registered, each gets
 * {@code writeUTF("#Peer Information;host@rport@wport@rank@0;...")} with entries sorted by rank, and the
 * server closes.
 *
 * <p>MPJ's messages carry no credentials, so a registration is accepted only for a rank that has
 * already joined the authenticated control server, and only from the host address of that rank's
 * control connection. A second registration for a rank fails the start (one of the two was not ours).
 */
public final class RendezvousServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RendezvousServer.class);
    private static final String GREETING = "Sending Info";

    /** Told when the peer table went out or the rendezvous cannot complete. */
    public interface Listener {
        void completed(String peerTable);

        void failed(String reason);
    }

    private record Registration(Socket socket, DataOutputStream out, String host, int writePort, int readPort) {
    }

    private final ServerSocket server;
    private final Map<Integer, Registration> registered = new TreeMap<>();

    private RendezvousServer(ServerSocket server) {
        this.server = server;
    }

    /** Listens on {@code bind} at an ephemeral port. */
    public static RendezvousServer open(InetAddress bind, int backlog) throws IOException {
        return new RendezvousServer(new ServerSocket(0, Math.max(50, backlog), bind));
    }

    /** Where ranks' {@code MPI.Init} connects ({@code #Server Name} and {@code #Server Port} of the conf). */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * Serves registrations on daemon threads until {@code ranks} have registered or this server closes.
     *
     * @param controlPeer the address of a rank's admitted control connection, empty if it has not joined
     */
    public void start(int ranks, IntFunction<Optional<InetAddress>> controlPeer, Duration readTimeout,
            Listener listener) {
        requireNonNull(controlPeer, "controlPeer is null");
        requireNonNull(listener, "listener is null");
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread reader = new Thread(() -> register(socket, ranks, controlPeer, readTimeout, listener),
                            "datajax-rendezvous-register");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        listener.failed("the rendezvous server stopped accepting: " + e);
                    }
                    return;
                }
            }
        }, "datajax-rendezvous-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public synchronized void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing rendezvous server: {}", e.toString());
        }
        for (Registration registration : registered.values()) {
            closeQuietly(registration.socket());
        }
        registered.clear();
    }

    /** The peer table MPJ's niodev expects, entries sorted by rank. */
    static String peerTable(Map<Integer, String> entries) {
        StringBuilder table = new StringBuilder("#Peer Information");
        for (String entry : new TreeMap<>(entries).values()) {
            table.append(';').append(entry);
        }
        return table.toString();
    }

    private void register(Socket socket, int ranks, IntFunction<Optional<InetAddress>> controlPeer,
            Duration readTimeout, Listener listener) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) readTimeout.toMillis());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String greeting = in.readUTF();
            int writePort = in.readInt();
            int readPort = in.readInt();
            int rank = in.readInt();
            if (!GREETING.equals(greeting) || rank < 0 || rank >= ranks) {
                refuse(socket, peer, "not an MPJ registration of a rank in [0, " + ranks + ")");
                return;
            }
            Optional<InetAddress> expectedHost = controlPeer.apply(rank);
            if (expectedHost.isEmpty() || !expectedHost.get().equals(socket.getInetAddress())) {
                refuse(socket, peer, "rank " + rank + " has no authenticated control connection from this host");
                return;
            }
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            add(rank, new Registration(socket, out, socket.getInetAddress().getHostAddress(), writePort, readPort),
                    ranks, listener);
        } catch (IOException | RuntimeException e) {
            refuse(socket, peer, "bad registration: " + e);
        }
    }

    private synchronized void add(int rank, Registration registration, int ranks, Listener listener) {
        if (server.isClosed()) {
            closeQuietly(registration.socket());
            return;
        }
        if (registered.containsKey(rank)) {
            closeQuietly(registration.socket());
            listener.failed("rank " + rank + " registered twice at the MPJ rendezvous; one of the connections was"
                    + " not from this pool's rank");
            return;
        }
        registered.put(rank, registration);
        if (registered.size() < ranks) {
            return;
        }
        Map<Integer, String> entries = new TreeMap<>();
        registered.forEach((r, reg) -> entries.put(r, reg.host() + "@" + reg.readPort() + "@" + reg.writePort()
                + "@" + r + "@0"));
        String table = peerTable(entries);
        try {
            for (Registration each : registered.values()) {
                each.out().writeUTF(table);
                each.out().flush();
            }
        } catch (IOException e) {
            listener.failed("sending the MPJ peer table failed: " + e);
            return;
        } finally {
            close();
        }
        listener.completed(table);
    }

    private static void refuse(Socket socket, String peer, String reason) {
        LOG.warn("refused MPJ rendezvous connection from {}: {}", peer, reason);
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
