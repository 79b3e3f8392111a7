package io.datajax.planner;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ShardingException;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.Plans;
import io.datajax.ir.plan.Repartition;
import io.datajax.ir.plan.Scan;
import io.datajax.planner.rules.Rewrite;
import io.datajax.planner.rules.RuleDriver;
import io.datajax.planner.rules.RuleSet;
import io.datajax.planner.stages.StagePlan;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageSplitter;
import java.util.List;
import java.util.Optional;

/**
 * The planner: rewrites a traced plan with a {@link RuleSet} and splits the result into a
 * {@link StagePlan}. Stateless and thread-safe; the rules that fired are part of each result.
 */
public final class Planner {
    private final RuleSet rules;
    private final boolean verify;
    private final RuleDriver driver;

    /**
     * A planner using {@code rules}; {@code verify} checks the plan with
     * {@link io.datajax.ir.plan.PlanVerifier} before rewriting and after every rule phase (tests turn it on).
     */
    public Planner(RuleSet rules, boolean verify) {
        this.rules = requireNonNull(rules, "rules is null");
        this.verify = verify;
        this.driver = new RuleDriver(rules, verify);
    }

    /** A planner with the standard rules and verification off. */
    public static Planner standard() {
        return new Planner(RuleSet.standard(), false);
    }

    /** The rules this planner runs. */
    public RuleSet rules() {
        return rules;
    }

    /** Whether plans are verified around every rule phase. */
    public boolean verify() {
        return verify;
    }

    /** The rewritten plan together with the names of the rules that fired. */
    public Rewrite rewrite(PlanNode traced) {
        return driver.run(traced);
    }

    /** The rewritten plan. */
    public PlanNode optimize(PlanNode traced) {
        return rewrite(traced).plan();
    }

    /**
     * Rewrites {@code traced} and splits it into stages for {@code parallelism} ranks.
     *
     * @throws ShardingException with code INVALID_SHARDING when parallelism is below 1
     */
    public StagePlan plan(PlanNode traced, int parallelism) {
        requireNonNull(traced, "traced is null");
        if (parallelism < 1) {
            throw new ShardingException(ErrorCode.INVALID_SHARDING, "Parallelism must be at least 1 (the number of"
                    + " ranks), got " + parallelism + ".");
        }
        Rewrite rewrite = rewrite(traced);
        return new StagePlan(traced, rewrite.plan(), StageSplitter.split(rewrite.plan(), parallelism),
                rewrite.appliedRules(), parallelism);
    }

    /**
     * Rewrites {@code traced} and splits it into stages for the ranks of {@code mesh}, with the result placed
     * as {@code outSharding} says when one is given.
     *
     * <p>Every spec in the plan (scans, repartitions) and {@code outSharding} must name only axes of
     * {@code mesh}. When the plan's result sharding differs from {@code outSharding} (as the mesh reads both,
     * {@link Mesh#normalize}), a {@code Repartition} to it becomes the last stage; in {@code strict} mode that
     * is an error instead.
     *
     * @throws ShardingException ({@code INVALID_SHARDING}) for an unknown axis, an unsupported spec, or in
     *     strict mode a result sharding other than {@code outSharding} (showing expected and actual)
     * @throws io.datajax.ir.error.SchemaException ({@code UNKNOWN_COLUMN}) when {@code outSharding}'s keys
     *     are not result columns
     */
    public StagePlan plan(PlanNode traced, Mesh mesh, Optional<Sharding> outSharding, boolean strict) {
        requireNonNull(traced, "traced is null");
        requireNonNull(mesh, "mesh is null");
        requireNonNull(outSharding, "outSharding is null");
        checkSpecs(traced, mesh, outSharding);
        Rewrite rewrite = rewrite(traced);
        PlanNode optimized = rewrite.plan();
        List<Stage> stages = StageSplitter.split(optimized, mesh);
        if (outSharding.isPresent()) {
            Sharding expected = mesh.normalize(outSharding.get());
            Sharding actual = stages.get(stages.size() - 1).sharding();
            if (!expected.equals(actual)) {
                if (strict) {
                    throw ShardingErrors.strictMismatch(expected, actual, mesh);
                }
                PlanNode input = optimized instanceof Repartition last ? last.input() : optimized;
                optimized = new Repartition(input, outSharding.get());
                stages = StageSplitter.split(optimized, mesh);
            }
        }
        return new StagePlan(traced, optimized, stages, rewrite.appliedRules(), mesh.size(), mesh, outSharding);
    }

    private static void checkSpecs(PlanNode traced, Mesh mesh, Optional<Sharding> outSharding) {
        boolean multiAxis = mesh.axes().size() > 1;
        for (PlanNode node : Plans.postOrder(traced)) {
            if (node instanceof Scan scan) {
                mesh.requireAxisOf(scan.sharding(), "The sharding of input '" + scan.name() + "',");
            } else if (node instanceof Repartition repartition) {
                mesh.requireAxisOf(repartition.sharding(), "repartition");
                if (multiAxis && mesh.normalize(repartition.sharding()).axis().isPresent()) {
                    throw ShardingErrors.boundInsidePlan(repartition.sharding(), mesh);
                }
            }
        }
        if (outSharding.isPresent()) {
            Sharding out = outSharding.get();
            mesh.requireAxisOf(out, "outShardings");
            Sharding normalized = mesh.normalize(out);
            if (normalized.axis().isPresent() && !(normalized instanceof Sharding.ByKey)) {
                throw ShardingErrors.unsupportedOutput(out, mesh);
            }
            if (out instanceof Sharding.ByKey byKey) {
                List<String> columns = traced.schema().names();
                for (String key : byKey.keys()) {
                    if (!columns.contains(key)) {
                        throw ShardingErrors.unknownKey("outShardings", out, key, columns);
                    }
                }
            }
        }
    }
}
