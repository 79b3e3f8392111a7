package io.datajax.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The workloads of PEERS.md at a run's scale, in the order they run. */
final class Workloads {
    /** The id (and family) of the cached-call overhead probe, which {@code --workloads} can select too. */
    static final String CACHED_CALL = "cached-call";
    /** The workloads {@code --mpj} also runs on the MPJ executor (issue 4). */
    static final List<String> MPJ_WORKLOADS = List.of("groupby-100k", "join", "pipeline-10m");

    private Workloads() {
    }

    /** Every workload, sized by {@code options.scale()}; group counts shrink with the rows at small scales. */
    static List<Workload> all(BenchmarkOptions options) {
        int rows6m = options.scaled(6_000_000, 1_000);
        int rows10m = options.scaled(10_000_000, 1_000);
        int rows1m = options.scaled(1_000_000, 1_000);
        int dimRows = options.scaled(100_000, 100);
        return List.of(
                new Q6Workload("q6-6m", rows6m),
                new Q6Workload("q6-10m", rows10m),
                new Q1Workload("q1", rows6m),
                new GroupByWorkload("groupby-1k", rows10m, Math.min(1_000, rows10m / 10)),
                new GroupByWorkload("groupby-100k", rows10m, Math.min(100_000, rows10m / 10)),
                new JoinWorkload("join", rows10m, dimRows, Math.min(100, dimRows / 10)),
                new PipelineWorkload("pipeline-1m", rows1m),
                new PipelineWorkload("pipeline-10m", rows10m));
    }

    /** Every id and family {@code --workloads} accepts. */
    static Set<String> selectors(BenchmarkOptions options) {
        Set<String> out = new LinkedHashSet<>();
        for (Workload workload : all(options)) {
            out.add(workload.id());
            out.add(workload.family());
        }
        out.add(CACHED_CALL);
        return out;
    }
}
