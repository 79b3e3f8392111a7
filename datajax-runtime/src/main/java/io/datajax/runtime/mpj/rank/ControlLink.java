package io.datajax.runtime.mpj.rank;

import static java.util.Objects.requireNonNull;

import io.datajax.runtime.mpj.control.ControlCodec;
import io.datajax.runtime.mpj.control.ControlMessage;
import io.datajax.runtime.mpj.control.ControlMessage.Hello;
import io.datajax.runtime.mpj.control.ControlMessage.Stop;
import io.datajax.runtime.mpj.control.ControlMessage.Welcome;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A rank's end of its control connection to the driver. A daemon thread reads the driver's messages
 * into an inbox at all times, even while a task runs, so the rank notices at once when the driver goes
 * away and can halt instead of lingering.
 */
final class ControlLink {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final BlockingQueue<ControlMessage> inbox = new LinkedBlockingQueue<>();
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private Welcome welcome;

    private ControlLink(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
    }

    /**
     * Connects, says hello and waits for the driver's welcome.
     *
     * @param onLost called from the reader thread when the connection ends before a stop request
     * @throws IOException when the driver cannot be reached or rejects the hello (closes the connection)
     */
    static ControlLink connect(InetSocketAddress driver, Hello hello, Duration timeout, Consumer<String> onLost)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(driver, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            ControlLink link = new ControlLink(socket);
            link.send(hello);
            ControlMessage answer = ControlCodec.read(link.in, ControlCodec.HANDSHAKE_LIMIT);
            if (!(answer instanceof Welcome accepted)) {
                throw new IOException("the driver answered the hello with " + answer);
            }
            link.welcome = accepted;
            socket.setSoTimeout(0);
            link.startReader(requireNonNull(onLost, "onLost is null"));
            return link;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The driver's answer to the hello. */
    Welcome welcome() {
        return welcome;
    }

    /** Waits for the driver's next message. */
    ControlMessage take() throws InterruptedException {
        return inbox.take();
    }

    /** Sends one message. */
    synchronized void send(ControlMessage message) throws IOException {
        ControlCodec.write(out, message);
    }

    /**
     * Ends this side of the connection after what was sent, then waits up to {@code wait} for the driver
     * to close its side, so a rank that halts right after does not reset the connection before the
     * driver has read everything.
     */
    void finish(Duration wait) {
        try {
            synchronized (this) {
                out.flush();
                socket.shutdownOutput();
            }
            readerDone.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // the driver is gone already; nothing left to deliver
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startReader(Consumer<String> onLost) {
        Thread reader = new Thread(() -> {
            String reason = "the driver closed the control connection";
            try {
                while (true) {
                    ControlMessage message = ControlCodec.read(in, Integer.MAX_VALUE - 16);
                    inbox.add(message);
                    if (message instanceof Stop) {
                        return;
                    }
                }
            } catch (EOFException e) {
                // the usual end: the driver closed the connection or its process ended
            } catch (IOException e) {
                reason = "the control connection failed: " + e;
            } catch (RuntimeException | Error e) {
                reason = "reading the control connection failed: " + e;
            } finally {
                readerDone.countDown();
            }
            onLost.accept(reason);
        }, "datajax-control-reader");
        reader.setDaemon(true);
        reader.start();
    }
}
