package io.datajax.tests.conformance;

import io.datajax.api.DataJaxConfig;
import io.datajax.planner.rules.RuleSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite once per rewrite rule, with only that rule switched off: with
 * {@link LocalConformanceTest} (every rule on), each rule is tested on and off against the same
 * expected rows, one at a time.
 */
class EachRuleOffConformanceTest {
    @TestFactory
    Stream<DynamicNode> everyCaseHoldsWithEachRuleOff() {
        return RuleSet.standard().ruleNames().stream().map(rule -> DynamicContainer.dynamicContainer(rule + " off",
                new WithConfig(DataJaxConfig.defaults().withDisabledRules(Set.of(rule))).conformance()));
    }

    /** The suite under one configuration. */
    private static final class WithConfig extends ConformanceSuite {
        private final DataJaxConfig config;

        WithConfig(DataJaxConfig config) {
            this.config = config;
        }

        @Override
        protected DataJaxConfig config() {
            return config;
        }
    }
}
