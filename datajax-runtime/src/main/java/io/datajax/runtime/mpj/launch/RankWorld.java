package io.datajax.runtime.mpj.launch;

import static java.util.Objects.requireNonNull;

import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.control.ControlMessage.Stop;
import io.datajax.runtime.mpj.control.ControlMessage.Task;
import io.datajax.runtime.mpj.control.ControlMessage.Welcome;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation of a pool's rank JVMs on this host, from launch to the last process gone. Starting
 * launches the ranks, admits their control connections, serves the MPJ rendezvous and waits until every
 * rank has finished {@code MPI.Init}; the ranks then keep one MPI session for the world's lifetime.
 *
 * <p>A watchdog of events ({@link RankEvent}: reports, exits, lost connections) decides every call: the
 * first failure, or the call timeout, kills all ranks (SIGTERM, then SIGKILL after
 * {@link MpjSettings#stopGrace()}) and the call throws. A dead world stays dead; the pool makes a new one.
 * A JVM shutdown hook kills the ranks if the driver exits first, and each rank halts by itself when its
 * control connection ends, so even a driver killed with SIGKILL leaves no rank behind.
 */
public final class RankWorld {
    private static final Logger LOG = LoggerFactory.getLogger(RankWorld.class);
    /** The most time spent after a first failure waiting for its root cause to arrive. */
    private static final long TRIAGE_MILLIS = 2000;
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final MpjSettings settings;
    private final String id;
    private final BlockingQueue<RankEvent> events = new LinkedBlockingQueue<>();
    private final RankProcess[] processes;
    private final AtomicReferenceArray<RankChannel> channels;
    private final ReentrantLock callLock = new ReentrantLock();
    private final Thread shutdownHook;
    private volatile String deathReason;
    private long lastCallId;

    private RankWorld(MpjSettings settings, String id) {
        this.settings = settings;
        this.id = id;
        this.processes = new RankProcess[settings.ranks()];
        this.channels = new AtomicReferenceArray<>(settings.ranks());
        this.shutdownHook = new Thread(this::killNow, "datajax-mpj-shutdown-" + id);
    }

    /**
     * Launches {@code settings.ranks()} rank JVMs and waits until all are ready.
     *
     * @param id names this generation in logs, errors and the ranks' command lines
     * @throws io.datajax.ir.error.ExecutionException if a rank fails to start (none is left running)
     * @throws io.datajax.ir.error.ResourceException if starting outlives the startup timeout
     */
    public static RankWorld start(MpjSettings settings, String id) {
        requireNonNull(settings, "settings is null");
        for (Path jar : settings.mpjClassPath()) {
            if (!Files.exists(jar)) {
                throw MpjErrors.missingMpj(jar);
            }
        }
        RankWorld world = new RankWorld(settings, requireNonNull(id, "id is null"));
        world.launchAndAwaitReady();
        return world;
    }

    /** The id of this generation. */
    public String id() {
        return id;
    }

    /** The pids of the rank processes, indexed by rank. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>(processes.length);
        for (RankProcess process : processes) {
            pids.add(process.pid());
        }
        return List.copyOf(pids);
    }

    /** Whether the ranks are up and no failure has happened. */
    public boolean isAlive() {
        return deathReason == null;
    }

    /** Why this world ended, if it has. */
    public Optional<String> deathReason() {
        return Optional.ofNullable(deathReason);
    }

    /**
     * Runs {@code taskClass} on every rank, rank {@code r} getting {@code payloads.get(r)}, and returns the
     * results indexed by rank. One call at a time; a second caller waits.
     *
     * @throws io.datajax.ir.error.ExecutionException naming the failed rank, stage and cause
     * @throws io.datajax.ir.error.ResourceException when the call outlives the call timeout
     */
    public List<byte[]> call(String stage, String taskClass, List<byte[]> payloads) {
        callLock.lock();
        try {
            if (deathReason != null) {
                throw MpjErrors.poolStopped(id, deathReason);
            }
            long callId = ++lastCallId;
            long start = System.nanoTime();
            long deadline = start + settings.callTimeout().toNanos();
            for (int rank = 0; rank < processes.length; rank++) {
                try {
                    channels.get(rank).send(new Task(callId, stage, taskClass, payloads.get(rank)));
                } catch (IOException e) {
                    events.add(new RankEvent.Lost(rank, "sending the task failed: " + e));
                    break;
                }
            }
            byte[][] results = new byte[processes.length][];
            TreeSet<Integer> pending = new TreeSet<>();
            for (int rank = 0; rank < processes.length; rank++) {
                pending.add(rank);
            }
            while (!pending.isEmpty()) {
                RankEvent event = poll(deadline);
                if (event == null) {
                    kill("stage '" + stage + "' timed out");
                    throw MpjErrors.callTimedOut(id, stage, taskClass, settings.callTimeout(), pending);
                }
                if (event instanceof RankEvent.Answered answered && answered.callId() == callId) {
                    results[answered.rank()] = answered.result();
                    pending.remove(answered.rank());
                } else if (isFailure(event)) {
                    if (deathReason != null) {
                        // killed from outside the call (close, shutdown): say so, not what the kill caused
                        throw MpjErrors.poolStopped(id, deathReason);
                    }
                    FailureTriage triage = triage(event);
                    int rank = triage.primaryRank();
                    kill("stage '" + stage + "' failed on rank " + rank);
                    throw MpjErrors.callFailed(id, stage, taskClass, processes.length, triage, stderrTail(rank));
                }
            }
            LOG.debug("MPJ pool {}: stage '{}' done on {} ranks in {} ms", id, stage, processes.length,
                    (System.nanoTime() - start) / 1_000_000);
            return Arrays.asList(results);
        } finally {
            callLock.unlock();
        }
    }

    /**
     * Stops the ranks: cleanly (each finalizes MPI and exits 0) when no call is running, otherwise by
     * killing them, which fails the running call. Returns when no rank process is left.
     */
    public void stop() {
        if (deathReason != null) {
            return;
        }
        if (!callLock.tryLock()) {
            kill("the pool was closed during a call");
            return;
        }
        try {
            if (deathReason != null) {
                return;
            }
            deathReason = "the pool was closed";
            for (int rank = 0; rank < processes.length; rank++) {
                try {
                    channels.get(rank).send(new Stop());
                } catch (IOException e) {
                    LOG.debug("MPJ pool {}: rank {} did not take the stop request: {}", id, rank, e.toString());
                }
            }
            long deadline = System.nanoTime() + settings.stopGrace().toNanos();
            for (RankProcess process : processes) {
                process.awaitExit((deadline - System.nanoTime()) / 1_000_000);
            }
            terminate();
            LOG.info("MPJ pool {}: {} ranks stopped", id, processes.length);
        } finally {
            callLock.unlock();
        }
    }

    /**
     * Kills every rank at once and marks this world dead with {@code reason}; returns when no rank process
     * is left. Safe from any thread, any number of times.
     */
    public void kill(String reason) {
        synchronized (this) {
            if (deathReason == null || !deathReason.equals(reason)) {
                LOG.warn("MPJ pool {}: stopping all {} ranks: {}", id, processes.length, reason);
            }
            if (deathReason == null) {
                deathReason = reason;
            }
        }
        terminate();
    }

    private void launchAndAwaitReady() {
        long start = System.nanoTime();
        int size = processes.length;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        PoolSecret secret = PoolSecret.random();
        long slowestInit;
        ControlServer control;
        RendezvousServer rendezvous;
        try {
            control = ControlServer.open(loopback, 2 * size);
            rendezvous = RendezvousServer.open(loopback, 2 * size);
        } catch (IOException e) {
            throw MpjErrors.launchFailed(id, 0, e);
        }
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            for (int rank = 0; rank < size; rank++) {
                int r = rank;
                try {
                    processes[rank] = RankProcess.launch(id, rank,
                            RankCommand.command(settings, rank, rendezvous.address(), control.address(), id),
                            RankCommand.environment(settings), secret,
                            code -> exited(r, code));
                } catch (IOException e) {
                    kill("launching rank " + rank + " failed");
                    throw MpjErrors.launchFailed(id, rank, e);
                }
            }
            control.start(new Admission(secret, size, r -> processes[r].pid()), new Welcome(settings.roundBytes()),
                    HANDSHAKE_TIMEOUT, new ControlServer.Listener() {
                        @Override
                        public void admitted(ControlServer.AdmittedConnection connection) {
                            channels.set(connection.rank(), RankChannel.open(connection, events::add));
                        }

                        @Override
                        public void refused(String peer, String reason) {
                            // logged by the server; a refused stranger does not stop the start
                        }
                    });
            rendezvous.start(size, r -> Optional.ofNullable(channels.get(r)).map(RankChannel::peer),
                    HANDSHAKE_TIMEOUT, new RendezvousServer.Listener() {
                        @Override
                        public void completed(String peerTable) {
                            LOG.debug("MPJ pool {}: rendezvous done: {}", id, peerTable);
                        }

                        @Override
                        public void failed(String reason) {
                            events.add(new RankEvent.StartFailed(-1, reason));
                        }
                    });
            slowestInit = awaitReady(start);
        } finally {
            control.close();
            rendezvous.close();
        }
        LOG.info("MPJ pool {}: {} ranks ready in {} ms, MPI.Init {} ms (pids {})", id, size,
                (System.nanoTime() - start) / 1_000_000, slowestInit / 1_000_000, pids());
    }

    /** Records a rank's exit; one nobody asked for is logged at once, even between calls. */
    private void exited(int rank, int code) {
        if (deathReason == null) {
            LOG.warn("MPJ pool {}: rank {} exited unexpectedly with code {}", id, rank, code);
        }
        events.add(new RankEvent.Exited(rank, code));
        if (channels.get(rank) == null) {
            // no control connection will report its end: the rank never joined
            events.add(new RankEvent.Lost(rank, "the rank exited before joining the control server"));
        }
    }

    /** Waits until every rank is ready; returns the slowest rank's {@code MPI.Init} time in nanos. */
    private long awaitReady(long start) {
        long deadline = start + settings.startupTimeout().toNanos();
        TreeSet<Integer> ready = new TreeSet<>();
        long slowestInit = 0;
        while (ready.size() < processes.length) {
            RankEvent event = poll(deadline);
            if (event == null) {
                kill("the start timed out");
                throw MpjErrors.startTimedOut(id, processes.length, settings.startupTimeout(), ready);
            }
            if (event instanceof RankEvent.Ready rankReady) {
                ready.add(event.rank());
                slowestInit = Math.max(slowestInit, rankReady.initNanos());
            } else if (isFailure(event)) {
                FailureTriage triage = triage(event);
                kill("the start failed");
                throw MpjErrors.startFailed(id, processes.length, triage, stderrTail(triage.primaryRank()));
            }
        }
        return slowestInit;
    }

    /** Collects what follows a first failure until its root cause is known, or for at most a moment. */
    private FailureTriage triage(RankEvent first) {
        FailureTriage triage = new FailureTriage();
        triage.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRIAGE_MILLIS);
        while (!triage.settled()) {
            RankEvent next = poll(deadline);
            if (next == null) {
                break;
            }
            triage.add(next);
        }
        return triage;
    }

    private static boolean isFailure(RankEvent event) {
        return event instanceof RankEvent.Failed || event instanceof RankEvent.Lost
                || event instanceof RankEvent.Exited || event instanceof RankEvent.StartFailed;
    }

    private List<String> stderrTail(int rank) {
        return rank >= 0 && rank < processes.length && processes[rank] != null ? processes[rank].stderrTail()
                : List.of();
    }

    private RankEvent poll(long deadlineNanos) {
        try {
            return events.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill("the calling thread was interrupted");
            throw MpjErrors.poolStopped(id, "the calling thread was interrupted");
        }
    }

    /** Closes the control connections (ranks halt on their own), SIGTERMs, then SIGKILLs what is left. */
    private void terminate() {
        for (int rank = 0; rank < processes.length; rank++) {
            RankChannel channel = channels.get(rank);
            if (channel != null) {
                channel.close();
            }
        }
        for (RankProcess process : processes) {
            if (process != null && process.isAlive()) {
                process.terminate();
            }
        }
        long deadline = System.nanoTime() + settings.stopGrace().toNanos();
        for (RankProcess process : processes) {
            if (process != null && !process.awaitExit((deadline - System.nanoTime()) / 1_000_000)) {
                LOG.warn("MPJ pool {}: rank {} (pid {}) ignored SIGTERM for {}; killing it", id, process.rank(),
                        process.pid(), MpjErrors.format(settings.stopGrace()));
                process.kill();
            }
        }
        for (RankProcess process : processes) {
            if (process != null) {
                if (!process.awaitExit(5000)) {
                    LOG.error("MPJ pool {}: rank {} (pid {}) survived SIGKILL", id, process.rank(), process.pid());
                }
                process.drainOutput();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook is running or has run
        }
    }

    /** The shutdown hook: no waiting, no logging (the logger may be gone). */
    private void killNow() {
        for (RankProcess process : processes) {
            if (process != null) {
                process.kill();
            }
        }
    }
}
