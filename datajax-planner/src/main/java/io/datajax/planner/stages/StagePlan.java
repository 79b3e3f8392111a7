package io.datajax.planner.stages;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Mesh;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.PlanNode;
import java.util.List;
import java.util.Optional;

/**
 * An executable plan: stages in dependency order (every stage after its inputs, otherwise in the order
 * the user's code reads), the last one producing the result. Immutable; checks its own edges.
 *
 * @param traced the plan as traced
 * @param optimized the plan after rewrite rules
 * @param stages the stages; {@code stages.get(i).id() == i}
 * @param appliedRules the rules that changed the plan, in the order they fired
 * @param parallelism the number of ranks (1 for the local executor)
 * @param mesh the mesh the plan was split for ({@code ranks=parallelism} unless {@code pjit} named one)
 * @param outSharding the result placement {@code pjit} asked for; when present, the result keeps that
 *     placement (the executor verifies it) instead of being delivered in the order of an aggregate's keys
 */
public record StagePlan(PlanNode traced, PlanNode optimized, List<Stage> stages, List<String> appliedRules, int parallelism,
        Mesh mesh, Optional<Sharding> outSharding) {
    public StagePlan {
        requireNonNull(mesh, "mesh is null");
        requireNonNull(outSharding, "outSharding is null");
        if (mesh.size() != parallelism) {
            throw new IllegalArgumentException("mesh " + mesh + " has " + mesh.size() + " ranks, not " + parallelism);
        }
        requireNonNull(traced, "traced is null");
        requireNonNull(optimized, "optimized is null");
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
        appliedRules = List.copyOf(requireNonNull(appliedRules, "appliedRules is null"));
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a stage plan needs at least one stage");
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stage.id() != i) {
                throw new IllegalArgumentException("stage at position " + i + " has id " + stage.id());
            }
            for (int j = 0; j < stage.inputs().size(); j++) {
                int input = stage.inputs().get(j);
                if (input < 0 || input >= i) {
                    throw new IllegalArgumentException("stage " + i + " reads stage " + input + ", which does not run before it");
                }
                if (!stages.get(input).schema().equals(stage.inputSchemas().get(j))) {
                    throw new IllegalArgumentException("stage " + i + " expects input " + j + " as "
                            + stage.inputSchemas().get(j) + " but stage " + input + " produces " + stages.get(input).schema());
                }
            }
        }
    }

    /**
     * This plan with the sources of its INPUT stages replaced as {@code replacements} says (matched by identity):
     * how a cached plan runs on the next call's in-memory data. Other stages keep their nodes (executors read
     * only a node's arguments, never its input sub-plans).
     */
    public StagePlan rebind(java.util.IdentityHashMap<io.datajax.ir.source.DataSource, io.datajax.ir.source.DataSource>
            replacements) {
        if (replacements.isEmpty()) {
            return this;
        }
        List<Stage> rebound = new java.util.ArrayList<>(stages.size());
        for (Stage stage : stages) {
            if (stage.kind() == StageKind.INPUT && stage.root() instanceof io.datajax.ir.plan.SourceScan scan
                    && replacements.containsKey(scan.source())) {
                io.datajax.ir.plan.SourceScan bound = new io.datajax.ir.plan.SourceScan(
                        replacements.get(scan.source()), scan.schema(), scan.filter(), scan.sharding());
                rebound.add(new Stage(stage.id(), stage.kind(), stage.inputs(), List.of(bound), stage.inputSchemas(),
                        stage.schema(), stage.sharding(), stage.exchanges()));
            } else {
                rebound.add(stage);
            }
        }
        return new StagePlan(traced, optimized, rebound, appliedRules, parallelism, mesh, outSharding);
    }

    /** A plan for a one-axis mesh of {@code parallelism} ranks with no required result placement. */
    public StagePlan(PlanNode traced, PlanNode optimized, List<Stage> stages, List<String> appliedRules, int parallelism) {
        this(traced, optimized, stages, appliedRules, parallelism, Mesh.of(DEFAULT_AXIS, parallelism), Optional.empty());
    }

    /** The name of the one axis of a mesh nobody declared. */
    public static final String DEFAULT_AXIS = "ranks";

    /** The stage producing the result. */
    public Stage result() {
        return stages.get(stages.size() - 1);
    }

    /** The result schema. */
    public Schema schema() {
        return result().schema();
    }

    /** The stage with the given id. */
    public Stage stage(int id) {
        return stages.get(id);
    }
}
