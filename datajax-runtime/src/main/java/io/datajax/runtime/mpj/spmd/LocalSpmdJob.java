package io.datajax.runtime.mpj.spmd;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.launch.OutputPump;
import io.datajax.runtime.mpj.launch.RankCommand;
import io.datajax.runtime.mpj.launch.RendezvousServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an SPMD program on {@code N} rank JVMs on this host, the way MPJ Express's {@code mpjrun -np N -dev
 * niodev} would but with the failure handling MPJ lacks: each rank runs
 * {@code java <options> -cp <mpj jars>:<this class path> <main> <rank> <conf> niodev <arguments>} (so
 * {@code MPI.Init} in {@link SpmdSession#join} finds its world through this JVM's niodev rendezvous, bound
 * to 127.0.0.1), every rank's output is logged and kept, and the job ends when all ranks have exited. When
 * a rank exits non-zero the others get {@link MpjSettings#stopGrace()} to end by themselves (an SPMD rank
 * usually notices a lost peer, or its call timeout fires), then SIGTERM, then SIGKILL after another grace;
 * the whole job is killed after {@code timeout}, and by a shutdown hook if this JVM exits. {@link #run}
 * returns only when no rank process is left.
 *
 * <p>For tests, demos and single-host jobs; on a cluster use MPJ Express's own launcher (see
 * {@code docs/cluster.md}). The rendezvous accepts any local process that registers first for a rank
 * (MPJ's messages carry no credentials and these ranks have no control channel): run it on hosts whose
 * local users you trust, as with {@code mpjrun}.
 */
public final class LocalSpmdJob {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSpmdJob.class);
    private static final Logger OUTPUT = LoggerFactory.getLogger("io.datajax.runtime.mpj.RankOutput");

    private LocalSpmdJob() {
    }

    /**
     * What the job's ranks did.
     *
     * @param exitCodes each rank's exit status, indexed by rank (killed ranks: the signal's status)
     * @param stdout each rank's standard output lines
     * @param stderr each rank's standard error lines
     * @param timedOut whether the job was killed by its timeout
     * @param killed whether any rank was terminated by this launcher (timeout, or fail-fast after a failure)
     */
    public record Result(List<Integer> exitCodes, List<List<String>> stdout, List<List<String>> stderr,
            boolean timedOut, boolean killed) {
        public Result {
            exitCodes = List.copyOf(exitCodes);
            stdout = stdout.stream().map(List::copyOf).toList();
            stderr = stderr.stream().map(List::copyOf).toList();
        }

        /** Whether every rank exited 0. */
        public boolean succeeded() {
            return exitCodes.stream().allMatch(code -> code == 0);
        }
    }

    /**
     * Runs {@code mainClass} on {@code settings.ranks()} ranks with {@code arguments} after MPJ's three, and
     * waits at most {@code timeout} (plus the stop graces).
     *
     * @throws ExecutionException when a rank process cannot be started
     */
    public static Result run(MpjSettings settings, String mainClass, List<String> arguments, Duration timeout) {
        requireNonNull(settings, "settings is null");
        requireNonNull(mainClass, "mainClass is null");
        requireNonNull(arguments, "arguments is null");
        requireNonNull(timeout, "timeout is null");
        int ranks = settings.ranks();
        List<Process> processes = new ArrayList<>();
        List<List<String>> stdout = new ArrayList<>();
        List<List<String>> stderr = new ArrayList<>();
        List<OutputPump> pumps = new ArrayList<>();
        Thread hook = new Thread(() -> processes.forEach(LocalSpmdJob::killTree), "datajax-spmd-job-hook");
        AtomicReference<String> rendezvousFailure = new AtomicReference<>();
        try (RendezvousServer rendezvous = RendezvousServer.open(InetAddress.getLoopbackAddress(), ranks)) {
            Runtime.getRuntime().addShutdownHook(hook);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            rendezvous.start(ranks, rank -> Optional.of(loopback), settings.startupTimeout(),
                    new RendezvousServer.Listener() {
                        @Override
                        public void completed(String peerTable) {
                            LOG.debug("SPMD job rendezvous complete: {}", peerTable);
                        }

                        @Override
                        public void failed(String reason) {
                            rendezvousFailure.set(reason);
                        }
                    });
            String conf = RankCommand.mpjConf(ranks, rendezvous.address());
            for (int rank = 0; rank < ranks; rank++) {
                List<String> command = command(settings, mainClass, rank, conf, arguments);
                ProcessBuilder builder = new ProcessBuilder(command);
                builder.environment().put("MPJ_HOME", settings.mpjHome().toString());
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    processes.forEach(LocalSpmdJob::killTree);
                    throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "Could not start SPMD rank " + rank + " ("
                            + command.get(0) + "): " + e, e);
                }
                process.getOutputStream().close();
                processes.add(process);
                List<String> out = Collections.synchronizedList(new ArrayList<>());
                List<String> err = Collections.synchronizedList(new ArrayList<>());
                stdout.add(out);
                stderr.add(err);
                String prefix = "[spmd rank " + rank + "] ";
                pumps.add(OutputPump.start(process.getInputStream(), line -> {
                    out.add(line);
                    OUTPUT.info("{}{}", prefix, line);
                }, "datajax-spmd-" + rank + "-stdout"));
                pumps.add(OutputPump.start(process.getErrorStream(), line -> {
                    err.add(line);
                    OUTPUT.warn("{}{}", prefix, line);
                }, "datajax-spmd-" + rank + "-stderr"));
            }
            Outcome outcome = await(processes, settings.stopGrace(), timeout, rendezvousFailure);
            for (OutputPump pump : pumps) {
                pump.awaitEnd(500);
            }
            List<Integer> codes = new ArrayList<>();
            for (Process process : processes) {
                codes.add(process.exitValue());
            }
            LOG.info("SPMD job {} on {} ranks ended: exit codes {}{}", mainClass, ranks, codes,
                    outcome.timedOut ? " (timed out)" : outcome.killed ? " (ranks killed after a failure)" : "");
            return new Result(codes, snapshot(stdout), snapshot(stderr), outcome.timedOut, outcome.killed);
        } catch (IOException e) {
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "Could not open the SPMD job's rendezvous: " + e, e);
        } finally {
            processes.forEach(LocalSpmdJob::killTree);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down; the hook runs
            }
        }
    }

    private record Outcome(boolean timedOut, boolean killed) {
    }

    /** Waits for every rank; fail-fast after the first failure, kill on timeout. */
    private static Outcome await(List<Process> processes, Duration grace, Duration timeout,
            AtomicReference<String> rendezvousFailure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long stopAt = Long.MAX_VALUE;
        boolean timedOut = false;
        while (processes.stream().anyMatch(Process::isAlive)) {
            long now = System.nanoTime();
            if (stopAt == Long.MAX_VALUE && (failed(processes) || rendezvousFailure.get() != null)) {
                stopAt = now + grace.toNanos();
                LOG.warn("an SPMD rank failed{}; the others get {} to end", rendezvousFailure.get() == null ? ""
                        : " (" + rendezvousFailure.get() + ")", grace);
            }
            if (now - deadline >= 0) {
                timedOut = true;
                LOG.warn("the SPMD job outlived its timeout {}; stopping its ranks", timeout);
                break;
            }
            if (now - stopAt >= 0) {
                break;
            }
            sleep(20);
        }
        boolean killed = processes.stream().anyMatch(Process::isAlive);
        if (killed) {
            processes.forEach(Process::destroy);
            long killAt = System.nanoTime() + grace.toNanos();
            while (processes.stream().anyMatch(Process::isAlive) && System.nanoTime() - killAt < 0) {
                sleep(20);
            }
            processes.forEach(LocalSpmdJob::killTree);
            for (Process process : processes) {
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new Outcome(timedOut, killed);
    }

    private static boolean failed(List<Process> processes) {
        return processes.stream().anyMatch(p -> !p.isAlive() && p.exitValue() != 0);
    }

    private static List<String> command(MpjSettings settings, String mainClass, int rank, String conf,
            List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.rankHeapMegabytes() + "m");
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(RankCommand.classPath(settings));
        command.add(mainClass);
        command.add(Integer.toString(rank));
        command.add(conf);
        command.add("niodev");
        command.addAll(arguments);
        return command;
    }

    private static List<List<String>> snapshot(List<List<String>> lines) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> each : lines) {
            synchronized (each) {
                out.add(new ArrayList<>(each));
            }
        }
        return out;
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
