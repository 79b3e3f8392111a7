package io.datajax.runtime.mpj.launch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rank JVM as the driver sees it: the child process, its pid, and the pumps that log its standard
 * output (INFO) and standard error (WARN) under the logger {@code io.datajax.runtime.mpj.RankOutput},
 * each line prefixed with the pool and rank.
 */
public final class RankProcess {
    private static final Logger OUTPUT = LoggerFactory.getLogger("io.datajax.runtime.mpj.RankOutput");

    private final int rank;
    private final Process process;
    private final OutputPump stdout;
    private final OutputPump stderr;

    private RankProcess(int rank, Process process, OutputPump stdout, OutputPump stderr) {
        this.rank = rank;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code command}, writes {@code secret}'s line to its standard input and closes it, and
     * calls {@code onExit} with the exit code when the process ends.
     */
    static RankProcess launch(String worldId, int rank, List<String> command, Map<String, String> environment,
            PoolSecret secret, IntConsumer onExit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String prefix = "[" + worldId + " rank " + rank + "] ";
        OutputPump stdout = OutputPump.start(process.getInputStream(), line -> OUTPUT.info("{}{}", prefix, line),
                "datajax-rank-" + rank + "-stdout");
        OutputPump stderr = OutputPump.start(process.getErrorStream(), line -> OUTPUT.warn("{}{}", prefix, line),
                "datajax-rank-" + rank + "-stderr");
        RankProcess launched = new RankProcess(rank, process, stdout, stderr);
        requireNonNull(onExit, "onExit is null");
        process.onExit().thenAccept(ended -> onExit.accept(ended.exitValue()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(secret.hexLine().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the child died at once; its exit is reported through onExit
        }
        return launched;
    }

    /** The rank index. */
    public int rank() {
        return rank;
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the rank wrote to standard error (after its pipe drained, when it has exited). */
    public List<String> stderrTail() {
        if (!process.isAlive()) {
            stderr.awaitEnd(500);
        }
        return stderr.tail();
    }

    /** Asks the process (and any children it started) to end: SIGTERM. */
    void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Ends the process (and any children it started) at once: SIGKILL. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Waits up to {@code millis} for the process to end; true if it has. */
    boolean awaitExit(long millis) {
        try {
            return process.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Waits briefly for the output pumps to finish after the process ended, so its last lines are logged. */
    void drainOutput() {
        stdout.awaitEnd(200);
        stderr.awaitEnd(200);
    }
}
