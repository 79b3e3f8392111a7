package io.datajax.runtime.mpj.exec;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.InternalException;
import io.datajax.runtime.arrow.ProcessAllocator;
import io.datajax.runtime.local.LocalStageRunner;
import io.datajax.runtime.mpj.RankContext;
import io.datajax.runtime.mpj.RankTask;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rank side of one {@link MpjExecutor} call: decodes the {@link RankPayload}, runs every stage of the
 * plan on this rank ({@link StageProgram}) and returns a {@link RankReport}. A stage that fails throws a
 * {@link RankStageException} naming the stage and rank; a payload or plan that cannot be decoded throws an
 * {@code INVALID_PLAN} {@link ExecutionException} naming the rank. After the call the process's Arrow root
 * allocator must be empty again (every stage's child closed, nothing retained): otherwise the call fails
 * as a bug. Public with a public no-argument constructor, as the rank pool requires.
 */
public final class StageProgramTask implements RankTask {

    /** A task; the rank pool makes one per rank and call. */
    public StageProgramTask() {
    }

    @Override
    public byte[] run(RankContext context, byte[] payload) {
        DistributedPlan plan;
        RankPayload message;
        try {
            message = RankPayload.decode(payload);
            plan = DistributedPlan.decode(message.plan());
        } catch (ExecutionException e) {
            throw new ExecutionException(ErrorCode.INVALID_PLAN, "Rank " + context.rank() + " of " + context.size()
                    + " could not decode the plan it was sent: " + e.reason(), e);
        }
        byte[] report;
        try (LocalStageRunner runner = new LocalStageRunner(1)) {
            KeptShards.release(message.release());
            report = new StageProgram(context, plan, runner).run(message.shards(), message.sinkTarget(),
                    message.kept(), message.keepAs()).encode();
        }
        requireNoArrowMemory(ProcessAllocator.root(), context.rank());
        return report;
    }

    /** Fails (a bug) when {@code allocator} still holds memory after a call on {@code rank}. */
    static void requireNoArrowMemory(BufferAllocator allocator, int rank) {
        long held = allocator.getAllocatedMemory();
        if (held != 0) {
            throw new InternalException("Rank " + rank + " still holds " + held + " bytes of Arrow memory in "
                    + allocator.getName() + " after the call: a stage leaked buffers. This is a bug.");
        }
    }
}
