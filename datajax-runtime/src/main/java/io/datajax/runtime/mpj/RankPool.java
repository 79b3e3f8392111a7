package io.datajax.runtime.mpj;

import static java.util.Objects.requireNonNull;

import io.datajax.runtime.mpj.launch.MpjErrors;
import io.datajax.runtime.mpj.launch.RankWorld;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A warm pool of MPJ Express rank JVMs on this host, driven from this JVM ("driver mode"). Each call
 * runs one {@link RankTask} on every rank (SPMD) and returns every rank's result bytes; the rank JVMs
 * and their MPI session stay up between calls until {@link #close()}.
 *
 * <p>Fail-fast: the first rank failure (an exception, a non-zero exit, a lost control connection) or the
 * {@link MpjSettings#callTimeout()} fails the call within seconds and stops every rank; the pool is then
 * stopped until {@link #restart()}. Nothing it started outlives it: {@link #close()}, failures, and a JVM
 * shutdown hook all end the rank processes. Thread safe; calls run one at a time.
 */
public final class RankPool implements AutoCloseable {
    private final MpjSettings settings;
    private final String id;
    private int generation;
    private volatile RankWorld world;
    private volatile boolean closed;

    private RankPool(MpjSettings settings) {
        this.settings = settings;
        this.id = "mpj-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /**
     * Starts {@code settings.ranks()} rank JVMs and returns once every rank has joined MPI.
     *
     * @throws io.datajax.ir.error.ExecutionException if a rank fails to start
     * @throws io.datajax.ir.error.ResourceException if starting outlives {@link MpjSettings#startupTimeout()}
     * @throws io.datajax.ir.error.SchemaException if MPJ Express is not installed where the settings say
     */
    public static RankPool start(MpjSettings settings) {
        RankPool pool = new RankPool(requireNonNull(settings, "settings is null"));
        pool.restart();
        return pool;
    }

    /** The pool's id; rank JVMs carry {@code -Ddatajax.mpj.pool=<id>-<generation>} on their command line. */
    public String id() {
        return id;
    }

    /** The settings the pool was started with. */
    public MpjSettings settings() {
        return settings;
    }

    /** The number of ranks. */
    public int size() {
        return settings.ranks();
    }

    /** The pids of the current rank processes, indexed by rank. */
    public List<Long> pids() {
        RankWorld current = world;
        return current == null ? List.of() : current.pids();
    }

    /** Whether the ranks are up and can take calls. */
    public boolean isRunning() {
        RankWorld current = world;
        return !closed && current != null && current.isAlive();
    }

    /**
     * Runs {@code task} on every rank with the same {@code payload}.
     *
     * @param stage names the call in logs and errors
     * @return each rank's result, indexed by rank
     * @see #run(String, Class, List)
     */
    public List<byte[]> run(String stage, Class<? extends RankTask> task, byte[] payload) {
        requireNonNull(payload, "payload is null");
        return run(stage, task, Collections.nCopies(size(), payload));
    }

    /**
     * Runs {@code task} on every rank, rank {@code r} getting {@code payloads.get(r)}.
     *
     * @param stage names the call in logs and errors
     * @return each rank's result, indexed by rank
     * @throws io.datajax.ir.error.ExecutionException ({@code EXECUTION_FAILED}) naming the rank, stage and
     *     cause (with the remote stack trace) when a rank fails; the pool is stopped afterwards
     * @throws io.datajax.ir.error.ResourceException ({@code RESOURCE_EXHAUSTED}) when the call outlives
     *     {@link MpjSettings#callTimeout()}; the pool is stopped afterwards
     */
    public List<byte[]> run(String stage, Class<? extends RankTask> task, List<byte[]> payloads) {
        requireNonNull(stage, "stage is null");
        checkInstantiable(requireNonNull(task, "task is null"));
        requireNonNull(payloads, "payloads is null");
        if (payloads.size() != size()) {
            throw MpjErrors.payloadCount(size(), payloads.size());
        }
        for (byte[] payload : payloads) {
            requireNonNull(payload, "a payload is null");
        }
        RankWorld current = world;
        if (closed) {
            throw MpjErrors.poolStopped(id, "it was closed");
        }
        if (current == null) {
            throw MpjErrors.poolStopped(id, "its last start failed");
        }
        return current.call(stage, task.getName(), payloads);
    }

    /**
     * Stops the current ranks, if any are left, and starts new ones with the same settings. The way back
     * after a failed call.
     */
    public synchronized void restart() {
        if (closed) {
            throw MpjErrors.poolStopped(id, "it was closed");
        }
        RankWorld previous = world;
        if (previous != null) {
            previous.stop();
        }
        world = null;
        generation++;
        world = RankWorld.start(settings, id + "-" + generation);
    }

    /** Stops the ranks (cleanly when idle, by killing them during a call) and waits until none is left. */
    @Override
    public void close() {
        closed = true;
        RankWorld current = world;
        if (current != null) {
            current.stop();
        }
    }

    private static void checkInstantiable(Class<? extends RankTask> task) {
        if (!Modifier.isPublic(task.getModifiers())) {
            throw MpjErrors.badTask(task, "the class is not public");
        }
        if (Modifier.isAbstract(task.getModifiers()) || task.isInterface()) {
            throw MpjErrors.badTask(task, "the class is abstract");
        }
        if (task.isMemberClass() && !Modifier.isStatic(task.getModifiers())) {
            throw MpjErrors.badTask(task, "it is an inner (non-static) class");
        }
        try {
            task.getConstructor();
        } catch (NoSuchMethodException e) {
            throw MpjErrors.badTask(task, "it has no public no-argument constructor");
        }
    }
}
