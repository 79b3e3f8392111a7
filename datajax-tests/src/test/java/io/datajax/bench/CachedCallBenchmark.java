package io.datajax.bench;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.ExecutionRecord;
import io.datajax.api.JitFunction;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * JMH benchmark of a cached {@code djit} call on a one-row table ({@link CachedCallProbe}'s function): the
 * average time of {@code apply} with the plan already cached. At the end of each iteration it prints the mean
 * stage time per call from the execution records, so the overhead is the score minus that. Issue 3's target is
 * an overhead under 50 µs. Run with {@code ./bench.sh jmh} (see {@code docs/benchmarks.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CachedCallBenchmark {
    private Table tiny;
    private JitFunction fn;
    private long calls;
    private long stageNanos;

    @Setup(Level.Trial)
    public void setUp() {
        requireColumnTypesInitialised();
        tiny = CachedCallProbe.tinyTable();
        fn = CachedCallProbe.tinyFunction(DataJaxConfig.defaults().withThreads(1));
        fn.apply(tiny);
    }

    @Benchmark
    public Table cachedCall() {
        Table out = fn.apply(tiny);
        ExecutionRecord record = fn.lastExecution().orElseThrow();
        calls++;
        stageNanos += CachedCallProbe.stageNanos(record);
        return out;
    }

    @TearDown(Level.Iteration)
    public void reportStageTime() {
        if (calls > 0) {
            System.out.printf(Locale.ROOT, "%n  [stages: %.2f µs per call over %d calls; cache hits: %s]%n",
                    stageNanos / 1e3 / calls, calls, fn.cacheStats());
        }
        calls = 0;
        stageNanos = 0;
    }

    /** See the workaround in {@link BenchmarkHarness}: Tablesaw's type singletons must be initialised first. */
    private static void requireColumnTypesInitialised() {
        if (ColumnType.DOUBLE == null) {
            throw new IllegalStateException("Tablesaw's ColumnType.DOUBLE is not initialised");
        }
    }
}
