package io.datajax.runtime.mpj;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of a {@link RankPool}: how many rank JVMs, how they are started, and how long anything may take.
 * Immutable; validated on construction.
 *
 * @param ranks number of rank processes (MPI world size), at least 1
 * @param rankHeapMegabytes maximum heap of each rank JVM ({@code -Xmx}), in MiB
 * @param jvmOptions extra options for each rank JVM, appended after the defaults (heap,
 *     {@code --add-opens=java.base/java.nio=ALL-UNNAMED}), so they can override them
 * @param callTimeout the longest one {@link RankPool#run} may take before all ranks are stopped
 * @param startupTimeout the longest starting the ranks (launch, handshake, {@code MPI.Init}) may take
 * @param stopGrace how long a rank may take to exit after SIGTERM (or after a clean stop request) before
 *     it is killed with SIGKILL
 * @param mpjHome {@code MPJ_HOME} of the rank processes ({@code conf/mpjexpress.conf} is read from it)
 * @param mpjClassPath the MPJ Express jar and log4j 1.2, put before the driver's class path in each rank
 * @param roundBytes the most bytes one collective sends to one destination in one round; larger
 *     exchanges run in several rounds (MPJ copies each message into a pooled direct buffer of the next
 *     power of two, so keep this a little under a power of two)
 * @param broadcastRows the broadcast-join threshold: a JOIN stage whose right side has at most this many rows
 *     in total (counted at run time) and whose type keeps no unmatched right rows (INNER, LEFT, SEMI, ANTI)
 *     all-gathers the right side and leaves the left side in place instead of hash-exchanging both; 0 turns
 *     broadcasting off (see {@code DataJaxConfig.MpjConfig#broadcastRows})
 */
public record MpjSettings(
        int ranks,
        int rankHeapMegabytes,
        List<String> jvmOptions,
        Duration callTimeout,
        Duration startupTimeout,
        Duration stopGrace,
        Path mpjHome,
        List<Path> mpjClassPath,
        int roundBytes,
        long broadcastRows) {

    /** Debian's {@code libmpj-java} layout. */
    public static final Path DEFAULT_MPJ_HOME = Path.of("/usr/share/mpj");

    /** Debian's MPJ Express jar and the log4j 1.2 jar it needs at run time. */
    public static final List<Path> DEFAULT_MPJ_CLASS_PATH =
            List.of(Path.of("/usr/share/java/mpj.jar"), Path.of("/usr/share/java/log4j-1.2.jar"));

    /** 60 MiB: MPJ rounds each message buffer up to 64 MiB; MPJ.md's rule is at most ~64 MB per round. */
    public static final int DEFAULT_ROUND_BYTES = 60 << 20;

    public MpjSettings {
        if (ranks < 1) {
            throw invalid("ranks must be at least 1, got " + ranks + ".");
        }
        if (rankHeapMegabytes < 64) {
            throw invalid("rankHeapMegabytes must be at least 64, got " + rankHeapMegabytes + ".");
        }
        jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions is null"));
        requirePositive(callTimeout, "callTimeout");
        requirePositive(startupTimeout, "startupTimeout");
        requirePositive(stopGrace, "stopGrace");
        requireNonNull(mpjHome, "mpjHome is null");
        mpjClassPath = List.copyOf(requireNonNull(mpjClassPath, "mpjClassPath is null"));
        if (roundBytes < 1) {
            throw invalid("roundBytes must be at least 1, got " + roundBytes + ".");
        }
        if (broadcastRows < 0) {
            throw invalid("broadcastRows must be at least 0 (0 turns broadcast joins off), got " + broadcastRows + ".");
        }
    }

    /** Settings with the default broadcast-join threshold ({@code MpjConfig.DEFAULT_BROADCAST_ROWS}). */
    public MpjSettings(int ranks, int rankHeapMegabytes, List<String> jvmOptions, Duration callTimeout,
            Duration startupTimeout, Duration stopGrace, Path mpjHome, List<Path> mpjClassPath, int roundBytes) {
        this(ranks, rankHeapMegabytes, jvmOptions, callTimeout, startupTimeout, stopGrace, mpjHome, mpjClassPath,
                roundBytes, DataJaxConfig.MpjConfig.DEFAULT_BROADCAST_ROWS);
    }

    /**
     * Settings for {@code ranks} ranks with the defaults: 1024 MiB heap per rank, no extra JVM options,
     * 10 minutes per call, 60 s to start, 3 s stop grace, Debian's MPJ Express, 60 MiB rounds.
     */
    public static MpjSettings defaults(int ranks) {
        return new MpjSettings(ranks, 1024, List.of(), Duration.ofMinutes(10), Duration.ofSeconds(60),
                Duration.ofSeconds(3), DEFAULT_MPJ_HOME, DEFAULT_MPJ_CLASS_PATH, DEFAULT_ROUND_BYTES,
                DataJaxConfig.MpjConfig.DEFAULT_BROADCAST_ROWS);
    }

    /**
     * The defaults with the ranks, heap, JVM options and call timeout of {@code config} (the part of the
     * settings a {@link io.datajax.api.DataJaxConfig} carries).
     */
    public static MpjSettings of(DataJaxConfig.MpjConfig config) {
        requireNonNull(config, "config is null");
        return defaults(config.ranks()).withRankHeapMegabytes(config.rankHeapMegabytes())
                .withJvmOptions(config.jvmOptions()).withCallTimeout(config.callTimeout())
                .withBroadcastRows(config.broadcastRows());
    }

    /** A copy with another rank count. */
    public MpjSettings withRanks(int value) {
        return new MpjSettings(value, rankHeapMegabytes, jvmOptions, callTimeout, startupTimeout, stopGrace,
                mpjHome, mpjClassPath, roundBytes, broadcastRows);
    }

    /** A copy with another heap per rank, in MiB. */
    public MpjSettings withRankHeapMegabytes(int value) {
        return new MpjSettings(ranks, value, jvmOptions, callTimeout, startupTimeout, stopGrace, mpjHome,
                mpjClassPath, roundBytes, broadcastRows);
    }

    /** A copy with other extra JVM options. */
    public MpjSettings withJvmOptions(List<String> value) {
        return new MpjSettings(ranks, rankHeapMegabytes, value, callTimeout, startupTimeout, stopGrace, mpjHome,
                mpjClassPath, roundBytes, broadcastRows);
    }

    /** A copy with another per-call timeout. */
    public MpjSettings withCallTimeout(Duration value) {
        return new MpjSettings(ranks, rankHeapMegabytes, jvmOptions, value, startupTimeout, stopGrace, mpjHome,
                mpjClassPath, roundBytes, broadcastRows);
    }

    /** A copy with another startup timeout. */
    public MpjSettings withStartupTimeout(Duration value) {
        return new MpjSettings(ranks, rankHeapMegabytes, jvmOptions, callTimeout, value, stopGrace, mpjHome,
                mpjClassPath, roundBytes, broadcastRows);
    }

    /** A copy with another stop grace. */
    public MpjSettings withStopGrace(Duration value) {
        return new MpjSettings(ranks, rankHeapMegabytes, jvmOptions, callTimeout, startupTimeout, value, mpjHome,
                mpjClassPath, roundBytes, broadcastRows);
    }

    /** A copy with another MPJ Express installation (home and jars). */
    public MpjSettings withMpj(Path home, List<Path> classPath) {
        return new MpjSettings(ranks, rankHeapMegabytes, jvmOptions, callTimeout, startupTimeout, stopGrace, home,
                classPath, roundBytes, broadcastRows);
    }

    /** A copy with another round size of exchanges. */
    public MpjSettings withRoundBytes(int value) {
        return new MpjSettings(ranks, rankHeapMegabytes, jvmOptions, callTimeout, startupTimeout, stopGrace,
                mpjHome, mpjClassPath, value, broadcastRows);
    }

    /** A copy with another broadcast-join threshold (right-side rows; 0 turns broadcasting off). */
    public MpjSettings withBroadcastRows(long value) {
        return new MpjSettings(ranks, rankHeapMegabytes, jvmOptions, callTimeout, startupTimeout, stopGrace,
                mpjHome, mpjClassPath, roundBytes, value);
    }

    private static void requirePositive(Duration value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isNegative() || value.isZero()) {
            throw invalid(name + " must be positive, got " + value + ".");
        }
    }

    private static SchemaException invalid(String message) {
        return new SchemaException(ErrorCode.INVALID_CONFIG, "Invalid MPJ setting: " + message);
    }
}
