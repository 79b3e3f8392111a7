package io.datajax.runtime.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the chunk tasks of a pass on a fixed pool of daemon threads ({@code datajax-local-N}), created on
 * first use and shut down by {@link #close()}; with one thread, on the caller. A failure is rethrown as is,
 * the one of the lowest task index when several fail, so errors do not depend on scheduling.
 */
final class Parallel implements AutoCloseable {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final int threads;
    private ExecutorService pool;

    Parallel(int threads) {
        this.threads = threads;
    }

    int threads() {
        return threads;
    }

    /** Runs {@code task} for every index in {@code [0, tasks)} and waits for all. */
    void run(int tasks, IntConsumer task) {
        if (threads == 1 || tasks <= 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        ExecutorService executor = pool();
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int index = i;
            futures.add(executor.submit(() -> task.accept(index)));
        }
        Throwable failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while waiting for local executor tasks", e);
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "datajax-local-" + THREAD_IDS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
