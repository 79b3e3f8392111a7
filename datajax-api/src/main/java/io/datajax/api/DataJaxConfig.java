package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.Set;

/**
 * All DataJax settings, in one immutable record passed explicitly. {@link #defaults()} gives the
 * built-in values; {@link ConfigLoader#fromEnvironment()} is the one place that reads the environment.
 *
 * @param executor the executor provider name ({@code "local"} by default)
 * @param threads worker threads for the local executor (1 or more)
 * @param disabledRules names of rewrite rules to switch off (see {@code RuleSet})
 * @param planCacheSize how many traced plans each jitted function keeps (1 or more)
 * @param verifyPlans whether to verify the IR after tracing and rewriting (cheap; on by default)
 */
public record DataJaxConfig(String executor, int threads, Set<String> disabledRules, int planCacheSize, boolean verifyPlans) {
    public DataJaxConfig {
        requireNonNull(executor, "executor is null");
        disabledRules = Set.copyOf(requireNonNull(disabledRules, "disabledRules is null"));
        if (threads < 1) {
            throw new SchemaException(ErrorCode.INVALID_CONFIG, "threads must be at least 1, got " + threads + ".");
        }
        if (planCacheSize < 1) {
            throw new SchemaException(ErrorCode.INVALID_CONFIG, "planCacheSize must be at least 1, got " + planCacheSize + ".");
        }
    }

    /** Local executor, one thread, every rule on, 64 cached plans, verification on. */
    public static DataJaxConfig defaults() {
        return new DataJaxConfig("local", 1, Set.of(), 64, true);
    }

    /** This config with another executor. */
    public DataJaxConfig withExecutor(String newExecutor) {
        return new DataJaxConfig(newExecutor, threads, disabledRules, planCacheSize, verifyPlans);
    }

    /** This config with another thread count. */
    public DataJaxConfig withThreads(int newThreads) {
        return new DataJaxConfig(executor, newThreads, disabledRules, planCacheSize, verifyPlans);
    }

    /** This config with the given rules switched off. */
    public DataJaxConfig withDisabledRules(Set<String> rules) {
        return new DataJaxConfig(executor, threads, rules, planCacheSize, verifyPlans);
    }

    /** This config with another plan cache size. */
    public DataJaxConfig withPlanCacheSize(int size) {
        return new DataJaxConfig(executor, threads, disabledRules, size, verifyPlans);
    }
}
