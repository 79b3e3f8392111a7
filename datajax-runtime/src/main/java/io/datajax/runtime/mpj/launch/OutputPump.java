package io.datajax.runtime.mpj.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drains one output stream of a rank process on a daemon thread, line by line, so the child never
 * blocks on a full pipe; each line goes to a consumer (the driver's log) and the last few are kept for
 * error messages.
 */
public final class OutputPump {
    private static final int TAIL_LINES = 20;

    private final Deque<String> tail = new ArrayDeque<>(TAIL_LINES);
    private final Thread thread;

    private OutputPump(InputStream stream, Consumer<String> sink, String threadName) {
        this.thread = new Thread(() -> drain(stream, sink), threadName);
        this.thread.setDaemon(true);
    }

    /** Starts draining {@code stream} into {@code sink}. */
    public static OutputPump start(InputStream stream, Consumer<String> sink, String threadName) {
        OutputPump pump = new OutputPump(stream, sink, threadName);
        pump.thread.start();
        return pump;
    }

    /** The last lines read, oldest first. */
    public synchronized List<String> tail() {
        return new ArrayList<>(tail);
    }

    /** Waits up to {@code millis} for the stream to end (the process has exited and the pipe is empty). */
    public void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(InputStream stream, Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (this) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                sink.accept(line);
            }
        } catch (IOException e) {
            // the process is gone and its pipe closed; nothing more to read
        }
    }
}
