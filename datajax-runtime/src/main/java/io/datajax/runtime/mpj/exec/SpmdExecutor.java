package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.api.spi.ExecutionResult;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.StageListener;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.InternalException;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.SourceScan;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import io.datajax.planner.stages.StageMetrics;
import io.datajax.planner.stages.StagePlan;
import io.datajax.runtime.arrow.ProcessAllocator;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.local.LocalStageRunner;
import io.datajax.runtime.mpj.RankContext;
import io.datajax.runtime.mpj.exec.RankReport.RankStageMetrics;
import io.datajax.runtime.source.SourceReads;
import io.datajax.runtime.tablesaw.TablesawConverter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The MPJ executor in SPMD mode: every rank of an MPI world (started by MPJ Express's own launcher, or any
 * launcher that runs the same program on every rank) holds one of these over its {@code COMM_WORLD} and
 * calls {@link #execute} with <em>its own</em> local inputs; together the ranks run the plan as the
 * driver-mode executor's ranks do ({@link StageProgram}).
 *
 * <p>Before any data moves, the ranks all-gather a SHA-256 hash of their {@link DistributedPlan}: if any
 * rank traced a different plan (another function, other input schemas, other rules), every rank fails
 * with an {@code INVALID_PLAN} {@link ExecutionException} naming the ranks and their hashes, and the
 * session stays usable. Each rank's local inputs are its shards as they are, whatever the scans' sharding
 * says (a {@code replicated} input must be passed whole on every rank).
 *
 * <p>Result: each rank gets <em>its own part</em> of the result, in the driver-mode executor's placement:
 * concatenated in rank order the parts are the driver-mode result. Ordered results (key-sorted
 * aggregates, sorts, limits) lie whole on rank 0 and the other ranks get no rows; a replicated result
 * (an aggregate without keys) is whole on rank 0 as well. {@link #gather} collects parts on rank 0.
 * Stage metrics are this rank's.
 *
 * <p>Failures: MPJ Express detects none, so each call runs on a worker thread and the caller waits at most
 * {@code callTimeout}; a call that outlives it throws {@link ResourceException} ({@code RESOURCE_EXHAUSTED}).
 * After a timeout or any failure other than a plan mismatch the world's collective state is unknown: the
 * executor refuses further calls and the process should end (MPJ's threads keep a JVM alive, so end it
 * with {@code System.exit}; {@code SpmdSession.runMain} does both). Not thread safe: one call at a time,
 * in the same order on every rank.
 */
public final class SpmdExecutor implements Executor {
    /** The provider-style name of this executor. */
    public static final String NAME = "mpj-spmd";

    private static final Logger LOG = LoggerFactory.getLogger(SpmdExecutor.class);

    private final RankContext context;
    private final Duration callTimeout;
    private final ExecutorService worker;
    private volatile String broken;

    /**
     * An executor over {@code context}'s world; the caller closes it (which does not end MPI).
     *
     * @param callTimeout the longest one call may take on this rank
     */
    public SpmdExecutor(RankContext context, Duration callTimeout) {
        this.context = requireNonNull(context, "context is null");
        this.callTimeout = requireNonNull(callTimeout, "callTimeout is null");
        this.worker = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "datajax-spmd-rank-" + context.rank());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int parallelism() {
        return context.size();
    }

    /** This rank's index in the world. */
    public int rank() {
        return context.rank();
    }

    /** Why calls are refused (a timeout or failure left the world unusable), if they are. */
    public java.util.Optional<String> brokenReason() {
        return java.util.Optional.ofNullable(broken);
    }

    /** A hex digest of the plan's distributed form: equal on every rank that traced the same plan. */
    public static String planHash(StagePlan plan) {
        return HexFormat.of().formatHex(digest(DistributedPlan.of(plan).encode()));
    }

    @Override
    public ExecutionResult execute(StagePlan plan, List<Table> inputs, StageListener listener) {
        requireNonNull(plan, "plan is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(listener, "listener is null");
        if (plan.parallelism() != context.size()) {
            throw MpjExecErrors.parallelismMismatch(plan.parallelism(), context.size());
        }
        DistributedPlan distributed = DistributedPlan.of(plan);
        byte[] planBytes = distributed.encode();
        RankReport report = call("the plan " + distributed.describe(), () -> runPlan(distributed, planBytes, inputs));
        List<StageMetrics> metrics = new ArrayList<>();
        for (Stage stage : plan.stages()) {
            RankStageMetrics m = report.stages().get(stage.id());
            StageMetrics stageMetrics = new StageMetrics(stage.id(), m.rowsIn(), m.rowsOut(), m.nanos(), m.bytesSent(),
                    m.peakBytes());
            listener.stageStarted(stage);
            listener.stageFinished(stage, stageMetrics);
            metrics.add(stageMetrics);
        }
        Table result;
        try (BufferAllocator allocator = ProcessAllocator.child("spmd result rank " + context.rank())) {
            result = TablesawConverter.toTable("result", ShardCodec.decode(report.result(), plan.schema(), allocator));
            requireEmpty(allocator);
        }
        StageProgramTask.requireNoArrowMemory(ProcessAllocator.root(), context.rank());
        return new ExecutionResult(result, "mpj spmd, rank " + context.rank() + " of " + context.size(), metrics);
    }

    /**
     * Collects every rank's {@code part} on rank 0, in rank order; the other ranks get a table with the same
     * columns and no rows. A collective: every rank calls it, with tables of the same columns.
     */
    public Table gather(Table part) {
        requireNonNull(part, "part is null");
        return call("a gather", () -> {
            try (BufferAllocator allocator = ProcessAllocator.child("spmd gather rank " + context.rank())) {
                Batch batch = TablesawConverter.toBatch(part);
                Batch all = new Exchanger(context, allocator).gatherToFirst(batch);
                Table out = TablesawConverter.toTable(part.name(), all);
                requireEmpty(allocator);
                return out;
            }
        });
    }

    private RankReport runPlan(DistributedPlan distributed, byte[] planBytes, List<Table> inputs) {
        checkSamePlan(planBytes);
        InputShards tables = new InputShards(inputs);
        Map<Integer, byte[]> shards = new HashMap<>();
        try (BufferAllocator allocator = ProcessAllocator.child("spmd inputs rank " + context.rank())) {
            for (StageStep step : distributed.stages()) {
                if (step.kind() == StageKind.INPUT && step.root() instanceof SourceScan read && read.source().inMemory()) {
                    Batch local = SourceReads.readAll(read).batch();
                    shards.put(step.id(), ShardCodec.encode(local, allocator));
                } else if (step.kind() == StageKind.INPUT && step.root() instanceof Scan scan) {
                    Batch local = tables.shards(scan, 1)[0];
                    shards.put(step.id(), ShardCodec.encode(local, allocator));
                }
            }
            requireEmpty(allocator);
        }
        try (LocalStageRunner runner = new LocalStageRunner(1)) {
            return new StageProgram(context, distributed, runner).run(shards, java.util.Optional.empty());
        }
    }

    /** All-gathers the plan digests; every rank throws the same error when they differ. */
    private void checkSamePlan(byte[] planBytes) {
        byte[] mine = digest(planBytes);
        byte[][] all = context.allgather(mine);
        List<Integer> differing = new ArrayList<>();
        for (int r = 0; r < all.length; r++) {
            if (!MessageDigest.isEqual(all[r], all[0])) {
                differing.add(r);
            }
        }
        if (differing.isEmpty()) {
            return;
        }
        StringBuilder hashes = new StringBuilder();
        for (int r = 0; r < all.length; r++) {
            hashes.append(r == 0 ? "" : ", ").append("rank ").append(r).append(' ')
                    .append(HexFormat.of().formatHex(all[r]), 0, 16);
        }
        throw new PlanMismatchException("The SPMD ranks traced different plans: rank(s) " + differing
                + " differ from rank 0 (plan hashes: " + hashes + "). Every rank must call the same function"
                + " with inputs of the same column names and types and the same DataJaxConfig rules; compare"
                + " jit.explain() on the ranks. Nothing was exchanged; this is rank " + context.rank() + " of "
                + context.size() + ".");
    }

    private <T> T call(String what, Callable<T> body) {
        String reason = broken;
        if (reason != null) {
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "This SPMD session can no longer run calls: "
                    + reason + ". End the process (SpmdSession.runMain does) and start the job again.");
        }
        Future<T> future = worker.submit(body);
        try {
            return future.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            broken = "a call timed out on rank " + context.rank();
            LOG.error("{} on rank {} of {} outlived callTimeout {}", what, context.rank(), context.size(), callTimeout);
            throw new ResourceException(ErrorCode.RESOURCE_EXHAUSTED, "Running " + what + " on SPMD rank "
                    + context.rank() + " of " + context.size() + " outlived the call timeout (" + callTimeout
                    + ", setting mpj.callTimeout): another rank failed or is stuck before a collective (MPJ"
                    + " Express detects neither). Look at the other ranks' logs; raise datajax.mpj.callTimeout if"
                    + " the call is just long.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            broken = "a call was interrupted on rank " + context.rank();
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "Interrupted while running " + what
                    + " on SPMD rank " + context.rank() + ".", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PlanMismatchException mismatch) {
                throw new ExecutionException(ErrorCode.INVALID_PLAN, mismatch.getMessage());
            }
            broken = "a call failed on rank " + context.rank() + " (" + cause + ")";
            if (cause instanceof RankStageException stage) {
                ErrorCode code = stage.getCause() instanceof DataJaxException original ? original.code()
                        : ErrorCode.EXECUTION_FAILED;
                throw new ExecutionException(code, stage.getMessage() + " (SPMD; the other ranks fail by their call"
                        + " timeout or when this process ends)", stage);
            }
            if (cause instanceof DataJaxException dataJax) {
                throw dataJax;
            }
            throw new ExecutionException(ErrorCode.EXECUTION_FAILED, "Running " + what + " failed on SPMD rank "
                    + context.rank() + " of " + context.size() + ": " + cause, cause);
        }
    }

    private static void requireEmpty(BufferAllocator allocator) {
        long leaked = allocator.getAllocatedMemory();
        if (leaked != 0) {
            LOG.warn("{} left {} bytes of Arrow memory allocated", allocator.getName(), leaked);
            throw new InternalException(allocator.getName() + " left " + leaked + " bytes of Arrow memory allocated."
                    + " This is a bug.");
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException("SHA-256 is missing from this JVM: " + e);
        }
    }

    /** Closes the worker thread; MPI stays up (its owner, e.g. an SPMD session, finalizes it). */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** A plan mismatch found by the hash check: every rank sees it, so the world stays usable. */
    private static final class PlanMismatchException extends RuntimeException {
        PlanMismatchException(String message) {
            super(message, null, false, false);
        }
    }
}
