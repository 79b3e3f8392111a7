package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.time.Duration;
import java.util.List;
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
 * @param mpj the settings of the MPJ executor (used when {@code executor} is {@code "mpj"}, and by SPMD
 *     sessions)
 */
public record DataJaxConfig(String executor, int threads, Set<String> disabledRules, int planCacheSize,
        boolean verifyPlans, MpjConfig mpj) {
    public DataJaxConfig {
        requireNonNull(executor, "executor is null");
        disabledRules = Set.copyOf(requireNonNull(disabledRules, "disabledRules is null"));
        requireNonNull(mpj, "mpj is null");
        if (threads < 1) {
            throw new SchemaException(ErrorCode.INVALID_CONFIG, "threads must be at least 1, got " + threads + ".");
        }
        if (planCacheSize < 1) {
            throw new SchemaException(ErrorCode.INVALID_CONFIG, "planCacheSize must be at least 1, got " + planCacheSize + ".");
        }
    }

    /** Local executor, one thread, every rule on, 64 cached plans, verification on, {@link MpjConfig#defaults()}. */
    public static DataJaxConfig defaults() {
        return new DataJaxConfig("local", 1, Set.of(), 64, true, MpjConfig.defaults());
    }

    /** This config with another executor. */
    public DataJaxConfig withExecutor(String newExecutor) {
        return new DataJaxConfig(newExecutor, threads, disabledRules, planCacheSize, verifyPlans, mpj);
    }

    /** This config with another thread count. */
    public DataJaxConfig withThreads(int newThreads) {
        return new DataJaxConfig(executor, newThreads, disabledRules, planCacheSize, verifyPlans, mpj);
    }

    /** This config with the given rules switched off. */
    public DataJaxConfig withDisabledRules(Set<String> rules) {
        return new DataJaxConfig(executor, threads, rules, planCacheSize, verifyPlans, mpj);
    }

    /** This config with another plan cache size. */
    public DataJaxConfig withPlanCacheSize(int size) {
        return new DataJaxConfig(executor, threads, disabledRules, size, verifyPlans, mpj);
    }

    /** This config with plan verification switched on or off. */
    public DataJaxConfig withVerifyPlans(boolean verify) {
        return new DataJaxConfig(executor, threads, disabledRules, planCacheSize, verify, mpj);
    }

    /** This config with other MPJ executor settings. */
    public DataJaxConfig withMpj(MpjConfig newMpj) {
        return new DataJaxConfig(executor, threads, disabledRules, planCacheSize, verifyPlans, newMpj);
    }

    /**
     * The settings of the MPJ executor that a configuration can carry (the executor's own
     * {@code MpjSettings} has more: MPJ installation paths, startup timeout, stop grace, round size, each
     * at its default when the executor is built from this record). Immutable; validated on construction.
     *
     * @param ranks the number of rank processes (MPI world size) of a driver-mode pool, at least 1
     * @param rankHeapMegabytes the maximum heap of each rank JVM ({@code -Xmx}), in MiB, at least 64
     * @param jvmOptions extra options for each rank JVM, after the defaults (so they can override them)
     * @param callTimeout the longest one call may take before its ranks are stopped (driver mode) or the
     *     call fails (SPMD mode)
     * @param broadcastRows the broadcast-join threshold: when a JOIN stage's right (build) side has at most
     *     this many rows in total at run time, and the join type keeps no unmatched right rows (INNER, LEFT,
     *     SEMI, ANTI), the MPJ executor all-gathers the right side and leaves the left side where it is
     *     instead of hash-exchanging both; 0 turns broadcasting off. The choice is in the stage's metrics
     *     notes ({@code explain()} after a run)
     */
    public record MpjConfig(int ranks, int rankHeapMegabytes, List<String> jvmOptions, Duration callTimeout,
            long broadcastRows) {
        /** The rank count of {@link #defaults()}. */
        public static final int DEFAULT_RANKS = 2;
        /** The broadcast-join threshold of {@link #defaults()}: one million right-side rows. */
        public static final long DEFAULT_BROADCAST_ROWS = 1_000_000L;

        public MpjConfig {
            if (ranks < 1) {
                throw invalid("mpj.ranks must be at least 1, got " + ranks + ".");
            }
            if (rankHeapMegabytes < 64) {
                throw invalid("mpj.rankHeapMegabytes must be at least 64, got " + rankHeapMegabytes + ".");
            }
            jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions is null"));
            requireNonNull(callTimeout, "callTimeout is null");
            if (callTimeout.isNegative() || callTimeout.isZero()) {
                throw invalid("mpj.callTimeout must be positive, got " + callTimeout + ".");
            }
            if (broadcastRows < 0) {
                throw invalid("mpj.broadcastRows must be at least 0 (0 turns broadcast joins off), got "
                        + broadcastRows + ".");
            }
        }

        /** The settings with the default broadcast-join threshold ({@value #DEFAULT_BROADCAST_ROWS} rows). */
        public MpjConfig(int ranks, int rankHeapMegabytes, List<String> jvmOptions, Duration callTimeout) {
            this(ranks, rankHeapMegabytes, jvmOptions, callTimeout, DEFAULT_BROADCAST_ROWS);
        }

        /** 2 ranks, 1024 MiB heap per rank, no extra JVM options, 10 minutes per call, broadcast up to 1M rows. */
        public static MpjConfig defaults() {
            return new MpjConfig(DEFAULT_RANKS, 1024, List.of(), Duration.ofMinutes(10));
        }

        /** A copy with another rank count. */
        public MpjConfig withRanks(int value) {
            return new MpjConfig(value, rankHeapMegabytes, jvmOptions, callTimeout, broadcastRows);
        }

        /** A copy with another heap per rank, in MiB. */
        public MpjConfig withRankHeapMegabytes(int value) {
            return new MpjConfig(ranks, value, jvmOptions, callTimeout, broadcastRows);
        }

        /** A copy with other extra JVM options. */
        public MpjConfig withJvmOptions(List<String> value) {
            return new MpjConfig(ranks, rankHeapMegabytes, value, callTimeout, broadcastRows);
        }

        /** A copy with another per-call timeout. */
        public MpjConfig withCallTimeout(Duration value) {
            return new MpjConfig(ranks, rankHeapMegabytes, jvmOptions, value, broadcastRows);
        }

        /** A copy with another broadcast-join threshold (right-side rows; 0 turns broadcasting off). */
        public MpjConfig withBroadcastRows(long value) {
            return new MpjConfig(ranks, rankHeapMegabytes, jvmOptions, callTimeout, value);
        }

        private static SchemaException invalid(String message) {
            return new SchemaException(ErrorCode.INVALID_CONFIG, message);
        }
    }
}
