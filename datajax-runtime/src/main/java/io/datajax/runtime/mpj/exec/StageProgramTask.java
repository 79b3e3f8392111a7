package io.datajax.runtime.mpj.exec;

import io.datajax.runtime.local.LocalStageRunner;
import io.datajax.runtime.mpj.RankContext;
import io.datajax.runtime.mpj.RankTask;

/**
 * The rank side of one {@link MpjExecutor} call: decodes the {@link RankPayload}, runs every stage of the
 * plan on this rank ({@link StageProgram}) and returns a {@link RankReport}. A stage that fails throws a
 * {@link RankStageException} naming the stage and rank. Public with a public no-argument constructor, as
 * the rank pool requires.
 */
public final class StageProgramTask implements RankTask {

    /** A task; the rank pool makes one per rank and call. */
    public StageProgramTask() {
    }

    @Override
    public byte[] run(RankContext context, byte[] payload) {
        RankPayload message = RankPayload.decode(payload);
        DistributedPlan plan = DistributedPlan.decode(message.plan());
        try (LocalStageRunner runner = new LocalStageRunner(1)) {
            return new StageProgram(context, plan, runner).run(message.shards()).encode();
        }
    }
}
