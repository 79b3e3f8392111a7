package io.datajax.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.TracedProgram;
import io.datajax.planner.rules.RuleSet;
import java.util.Set;

/**
 * The conformance suite on the local executor with every rewrite rule switched off: with
 * {@link LocalConformanceTest}, each rule is shown on and off against the same expected rows.
 */
class LocalWithoutRewritesConformanceTest extends ConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withDisabledRules(Set.copyOf(RuleSet.standard().ruleNames()));
    }

    @Override
    protected void checkPlan(String caseName, TracedProgram program) {
        assertThat(program.stagePlan().appliedRules()).as("rules applied in '%s' with every rule off", caseName).isEmpty();
    }
}
