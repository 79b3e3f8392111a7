package io.datajax.planner;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ShardingException;
import io.datajax.ir.plan.PlanNode;
import io.datajax.planner.rules.Rewrite;
import io.datajax.planner.rules.RuleDriver;
import io.datajax.planner.rules.RuleSet;
import io.datajax.planner.stages.StagePlan;
import io.datajax.planner.stages.StageSplitter;

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
}
