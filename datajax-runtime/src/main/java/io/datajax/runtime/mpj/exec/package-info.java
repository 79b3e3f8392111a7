/**
 * The MPJ executor, driver mode ({@code "mpj"}): runs a {@link io.datajax.planner.stages.StagePlan} SPMD on
 * the warm rank pool of {@code io.datajax.runtime.mpj}, with each rank's shards as Arrow IPC bytes
 * ({@code io.datajax.runtime.arrow}) and the local executor's passes for each stage's nodes
 * ({@link io.datajax.runtime.local.LocalStageRunner}).
 *
 * <p>Driver side: {@link io.datajax.runtime.mpj.exec.MpjExecutor} (+ its provider), {@code InputShards}
 * (tables to per-rank shards), {@code DistributedPlan} and {@code RankPayload} (what the ranks get),
 * {@code RankReport} (what they answer), {@code MpjExecErrors}. Rank side:
 * {@link io.datajax.runtime.mpj.exec.StageProgramTask}, {@code StageProgram} (every stage, its exchanges and
 * its order), {@code Exchanger} (shuffle, gather, all-gather of IPC bytes), {@code PartialAggregation},
 * {@code KeyPartitioner} (the hash placement shared by driver and ranks), {@code ProcessAllocator} (the
 * process's one Arrow root allocator). SPMD mode: {@link io.datajax.runtime.mpj.exec.SpmdExecutor} runs the
 * same {@code StageProgram} on a world whose every rank calls it with its own data, after checking that all
 * ranks traced the same plan (used by {@code io.datajax.runtime.mpj.spmd}). See {@code docs/executors.md}.
 */
package io.datajax.runtime.mpj.exec;
