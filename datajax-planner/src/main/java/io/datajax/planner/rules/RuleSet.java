package io.datajax.planner.rules;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one registry of rewrite rules: named phases, each a list of rules run to a fixpoint by
 * {@link RuleDriver}, in order. Any rule can be switched off by name. Immutable; equal sets compare equal
 * (rules are compared by name), so a rule set can be part of a cache key.
 *
 * <p>The standard phases:
 * <ol>
 *   <li>{@code simplify}: FoldConstants, MergeFilters, CollapseProjections, DropIdentityProjections,
 *       DropRedundantRepartition;</li>
 *   <li>{@code pushdown}: PushFilterBelowProject, PushFilterIntoJoin, MergeFilters, PushFilterIntoSource;</li>
 *   <li>{@code prune}: PruneColumns, NarrowSourceScan, CollapseProjections, DropIdentityProjections.</li>
 * </ol>
 */
public final class RuleSet {

    /**
     * A named step of rewriting: its rules are applied until none fires.
     *
     * @param name the phase name, e.g. {@code "simplify"}
     * @param rules the rules, tried in order at each node
     */
    public record Phase(String name, List<Rule> rules) {
        public Phase {
            requireNonNull(name, "name is null");
            rules = List.copyOf(requireNonNull(rules, "rules is null"));
        }

        /** The names of this phase's rules, in order. */
        public List<String> ruleNames() {
            return rules.stream().map(Rule::name).toList();
        }
    }

    private static final RuleSet STANDARD = new RuleSet(List.of(
            new Phase("simplify", List.of(new FoldConstants(), new MergeFilters(), new CollapseProjections(),
                    new DropIdentityProjections(), new DropRedundantRepartition())),
            new Phase("pushdown", List.of(new PushFilterBelowProject(), new PushFilterIntoJoin(), new MergeFilters(),
                    new PushFilterIntoSource())),
            new Phase("prune", List.of(new PruneColumns(), new NarrowSourceScan(), new CollapseProjections(),
                    new DropIdentityProjections()))),
            Set.of());

    private final List<Phase> allPhases;
    private final Set<String> disabled;

    private RuleSet(List<Phase> allPhases, Set<String> disabled) {
        this.allPhases = List.copyOf(allPhases);
        this.disabled = Set.copyOf(disabled);
    }

    /** The standard rules, all enabled. */
    public static RuleSet standard() {
        return STANDARD;
    }

    /** A rule set of the given phases, all rules enabled: for experiments and tests. */
    public static RuleSet of(List<Phase> phases) {
        return new RuleSet(requireNonNull(phases, "phases is null"), Set.of());
    }

    /** The names of every rule in this registry, enabled or not, in first-use order. */
    public List<String> ruleNames() {
        Set<String> names = new LinkedHashSet<>();
        allPhases.forEach(phase -> names.addAll(phase.ruleNames()));
        return List.copyOf(names);
    }

    /** The names of the rules switched off, sorted. */
    public Set<String> disabled() {
        return new TreeSet<>(disabled);
    }

    /** The phases in order, each holding only its enabled rules (possibly none). */
    public List<Phase> phases() {
        List<Phase> out = new ArrayList<>();
        for (Phase phase : allPhases) {
            out.add(new Phase(phase.name(), phase.rules().stream().filter(r -> !disabled.contains(r.name())).toList()));
        }
        return out;
    }

    /**
     * This rule set with the named rules switched off as well (in every phase that has them).
     *
     * @throws SchemaException with code INVALID_CONFIG naming the nearest rule and the valid names when a
     *     name is not a rule of this set
     */
    public RuleSet withDisabled(Set<String> ruleNames) {
        requireNonNull(ruleNames, "ruleNames is null");
        List<String> valid = ruleNames();
        for (String name : new TreeSet<>(ruleNames)) {
            if (!valid.contains(name)) {
                throw new SchemaException(ErrorCode.INVALID_CONFIG, "Unknown rewrite rule '" + name + "'."
                        + ErrorMessages.didYouMean(name, valid) + " Rules: " + ErrorMessages.list(valid));
            }
        }
        Set<String> union = new LinkedHashSet<>(disabled);
        union.addAll(ruleNames);
        return new RuleSet(allPhases, union);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleSet that && describe().equals(that.describe());
    }

    @Override
    public int hashCode() {
        return Objects.hash(describe());
    }

    /** E.g. {@code simplify[FoldConstants, MergeFilters], pushdown[], prune[PruneColumns]}: enabled rules per phase. */
    @Override
    public String toString() {
        return describe();
    }

    private String describe() {
        StringBuilder out = new StringBuilder();
        for (Phase phase : phases()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(phase.name()).append(phase.ruleNames());
        }
        return out.toString();
    }
}
