package io.datajax.planner.rules;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.PlanVerifier;
import io.datajax.ir.plan.Plans;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the phases of a {@link RuleSet} to a plan: each phase walks the plan bottom-up, trying its
 * rules at every node, and repeats until a walk changes nothing or {@link #MAX_PASSES} walks have run.
 * Shared sub-plans stay shared. With verification on, the plan is checked by {@link PlanVerifier} before
 * the first phase and after each one. Stateless and thread-safe.
 */
public final class RuleDriver {

    /** The most bottom-up walks per phase; a rule set that still changes the plan then is stopped there. */
    public static final int MAX_PASSES = 100;

    /** The most rewrites of a single node within one walk. */
    private static final int MAX_REWRITES_PER_NODE = 100;

    private final RuleSet rules;
    private final boolean verify;

    /** A driver for the given rules; {@code verify} runs {@link PlanVerifier} around every phase. */
    public RuleDriver(RuleSet rules, boolean verify) {
        this.rules = requireNonNull(rules, "rules is null");
        this.verify = verify;
    }

    /** Rewrites {@code plan} with every enabled rule, phase by phase. */
    public Rewrite run(PlanNode plan) {
        requireNonNull(plan, "plan is null");
        if (verify) {
            PlanVerifier.verify(plan);
        }
        Set<String> fired = new LinkedHashSet<>();
        PlanNode current = plan;
        for (RuleSet.Phase phase : rules.phases()) {
            current = runPhase(phase, current, fired);
            if (verify) {
                PlanVerifier.verify(current);
            }
        }
        return new Rewrite(current, fired.stream().toList());
    }

    private static PlanNode runPhase(RuleSet.Phase phase, PlanNode plan, Set<String> fired) {
        if (phase.rules().isEmpty()) {
            return plan;
        }
        PlanNode current = plan;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean[] changed = {false};
            current = Plans.transformUp(current, node -> rewriteNode(phase, node, fired, changed));
            if (!changed[0]) {
                break;
            }
        }
        return current;
    }

    /** Applies the phase's rules to one node until none fires there. */
    private static PlanNode rewriteNode(RuleSet.Phase phase, PlanNode node, Set<String> fired, boolean[] changed) {
        PlanNode current = node;
        for (int round = 0; round < MAX_REWRITES_PER_NODE; round++) {
            boolean firedHere = false;
            for (Rule rule : phase.rules()) {
                Optional<PlanNode> replacement = rule.apply(current);
                if (replacement.isPresent() && !replacement.get().equals(current)) {
                    current = replacement.get();
                    fired.add(rule.name());
                    changed[0] = true;
                    firedHere = true;
                }
            }
            if (!firedHere) {
                break;
            }
        }
        return current;
    }
}
