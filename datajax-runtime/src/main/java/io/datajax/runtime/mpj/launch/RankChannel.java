package io.datajax.runtime.mpj.launch;

import io.datajax.runtime.mpj.RemoteRankException;
import io.datajax.runtime.mpj.control.ControlCodec;
import io.datajax.runtime.mpj.control.ControlMessage;
import io.datajax.runtime.mpj.control.ControlMessage.Failure;
import io.datajax.runtime.mpj.control.ControlMessage.Ready;
import io.datajax.runtime.mpj.control.ControlMessage.Result;
import io.datajax.runtime.mpj.launch.ControlServer.AdmittedConnection;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.util.function.Consumer;

/**
 * The driver's end of one rank's admitted control connection. A daemon thread turns every message from
 * the rank into a {@link RankEvent}, and the end of the connection into {@link RankEvent.Lost}, which is
 * always the last event of this channel.
 */
final class RankChannel implements AutoCloseable {
    private final AdmittedConnection connection;
    private volatile boolean closed;

    private RankChannel(AdmittedConnection connection) {
        this.connection = connection;
    }

    /** Wraps {@code connection} and starts reading it into {@code events}. */
    static RankChannel open(AdmittedConnection connection, Consumer<RankEvent> events) {
        RankChannel channel = new RankChannel(connection);
        Thread reader = new Thread(() -> channel.read(events), "datajax-rank-" + connection.rank() + "-control");
        reader.setDaemon(true);
        reader.start();
        return channel;
    }

    /** The host the rank connected from. */
    InetAddress peer() {
        return connection.socket().getInetAddress();
    }

    /** Sends one message to the rank. */
    void send(ControlMessage message) throws IOException {
        synchronized (connection.out()) {
            ControlCodec.write(connection.out(), message);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            connection.socket().close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void read(Consumer<RankEvent> events) {
        int rank = connection.rank();
        String reason = "the rank closed its control connection";
        try {
            while (true) {
                ControlMessage message = ControlCodec.read(connection.in(), Integer.MAX_VALUE - 16);
                if (message instanceof Ready ready) {
                    events.accept(new RankEvent.Ready(rank, ready.initNanos()));
                } else if (message instanceof Result result) {
                    events.accept(new RankEvent.Answered(rank, result.callId(), result.result(), result.runNanos()));
                } else if (message instanceof Failure failure) {
                    events.accept(new RankEvent.Failed(rank, failure.callId(), new RemoteRankException(rank,
                            failure.exceptionClass(), failure.message(), failure.stackTrace())));
                } else {
                    reason = "the rank sent an unexpected " + message.getClass().getSimpleName() + " message";
                    break;
                }
            }
        } catch (EOFException e) {
            // the rank closed the connection: the usual end
        } catch (IOException | RuntimeException e) {
            reason = closed ? "the driver closed the control connection" : "the control connection failed: " + e;
        }
        close();
        events.accept(new RankEvent.Lost(rank, reason));
    }
}
