package io.datajax.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    @Test
    void standardSetNamesItsPhasesAndRules() {
        RuleSet rules = RuleSet.standard();

        assertThat(rules.toString()).isEqualTo("simplify[FoldConstants, MergeFilters, CollapseProjections,"
                + " DropIdentityProjections, DropRedundantRepartition], pushdown[PushFilterBelowProject,"
                + " PushFilterIntoJoin, MergeFilters, PushFilterIntoSource], prune[PruneColumns, NarrowSourceScan,"
                + " CollapseProjections, DropIdentityProjections]");
        assertThat(rules.ruleNames()).containsExactly("FoldConstants", "MergeFilters", "CollapseProjections",
                "DropIdentityProjections", "DropRedundantRepartition", "PushFilterBelowProject", "PushFilterIntoJoin",
                "PushFilterIntoSource", "PruneColumns", "NarrowSourceScan");
        assertThat(rules.disabled()).isEmpty();
    }

    @Test
    void disablingARuleRemovesItFromEveryPhase() {
        RuleSet rules = RuleSet.standard().withDisabled(Set.of("MergeFilters", "PruneColumns"));

        assertThat(rules.toString()).isEqualTo("simplify[FoldConstants, CollapseProjections,"
                + " DropIdentityProjections, DropRedundantRepartition], pushdown[PushFilterBelowProject,"
                + " PushFilterIntoJoin, PushFilterIntoSource], prune[NarrowSourceScan, CollapseProjections,"
                + " DropIdentityProjections]");
        assertThat(rules.disabled()).containsExactly("MergeFilters", "PruneColumns");
        assertThat(rules.ruleNames()).contains("MergeFilters");
        assertThat(rules.withDisabled(Set.of("FoldConstants")).disabled())
                .containsExactly("FoldConstants", "MergeFilters", "PruneColumns");
    }

    @Test
    void ruleSetsCompareByTheirEnabledRules() {
        assertThat(RuleSet.standard().withDisabled(Set.of("MergeFilters")))
                .isEqualTo(RuleSet.standard().withDisabled(Set.of("MergeFilters")))
                .hasSameHashCodeAs(RuleSet.standard().withDisabled(Set.of("MergeFilters")))
                .isNotEqualTo(RuleSet.standard());
    }

    @Test
    void unknownRuleNameIsAConfigErrorWithTheNearestNameAndTheValidOnes() {
        assertThatThrownBy(() -> RuleSet.standard().withDisabled(Set.of("MergeFilter")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("[INVALID_CONFIG] Unknown rewrite rule 'MergeFilter'. Did you mean 'MergeFilters'?"
                        + " Rules: [FoldConstants, MergeFilters, CollapseProjections, DropIdentityProjections,"
                        + " DropRedundantRepartition, PushFilterBelowProject, PushFilterIntoJoin, PushFilterIntoSource,"
                        + " PruneColumns, NarrowSourceScan]")
                .satisfies(e -> assertThat(((SchemaException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }

    @Test
    void unknownRuleNameFarFromEveryRuleHasNoSuggestion() {
        assertThatThrownBy(() -> RuleSet.standard().withDisabled(Set.of("Vectorize")))
                .hasMessageStartingWith("[INVALID_CONFIG] Unknown rewrite rule 'Vectorize'. Rules: [FoldConstants,");
    }
}
