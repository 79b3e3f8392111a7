package io.datajax.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The harness's command-line options. Immutable; {@link #parse} fails loudly on an unknown option or a bad
 * value, naming the valid ones.
 *
 * @param scale fraction of the full sizes to generate (1 = PEERS.md sizes; {@code --quick} is 0.01)
 * @param workloads workload ids or families to run ({@code q6} selects {@code q6-6m} and {@code q6-10m}); empty
 *     runs all
 * @param warmup unmeasured runs per engine before the measured ones (the first DataJax call also traces)
 * @param repeats measured runs per engine; the report gives their median and minimum
 * @param skipTablesaw whether to leave idiomatic Tablesaw out (it takes tens of seconds at full size)
 * @param tablesawRuns measured Tablesaw runs, without warm-up (it is 100x slower; one cold run tells enough)
 * @param calls measured calls for the cached-call overhead probe
 * @param mpj whether to also run the MPJ executor (warm rank pools) on {@link Workloads#MPJ_WORKLOADS}
 * @param mpjRanks the rank counts of the MPJ pools, one pool each
 * @param mpjHeapMegabytes the heap of each rank JVM, in MiB
 */
record BenchmarkOptions(double scale, List<String> workloads, int warmup, int repeats, boolean skipTablesaw,
        int tablesawRuns, int calls, boolean mpj, List<Integer> mpjRanks, int mpjHeapMegabytes) {
    /** Rank counts of {@code --mpj} without {@code --mpj-ranks}. */
    static final List<Integer> DEFAULT_MPJ_RANKS = List.of(1, 2, 4);
    /**
     * Heap per rank JVM of {@code --mpj} without {@code --mpj-heap-mb}: 2.5 GiB, so that the 1 + 2 + 4 warm ranks
     * (idle pools shrink: G1 periodic collections) and the harness fit a 24 GB machine.
     */
    static final int DEFAULT_MPJ_HEAP_MEGABYTES = 2_560;

    static final String USAGE = """
            Usage: BenchmarkHarness [options]
              --quick              small sizes (1% of full: 60k-100k rows), 1 warm-up, 3 repeats: a CI smoke run
              --scale X            fraction of the full sizes (default 1.0; --quick sets 0.01)
              --workloads a,b      ids or families: q6 (q6-6m, q6-10m), q1, groupby (groupby-1k, groupby-100k),
                                   join, pipeline (pipeline-1m, pipeline-10m), cached-call (default: all)
              --warmup N           unmeasured runs per engine (default 3; quick 1)
              --repeats N          measured runs per engine (default 7; quick 3)
              --skip-tablesaw      leave idiomatic Tablesaw out
              --tablesaw-runs N    measured Tablesaw runs, no warm-up (default 1)
              --calls N            calls measured by the cached-call probe (default 20000; quick 2000)
              --mpj                also run the MPJ executor (warm rank pools, driver mode) on groupby-100k, join and
                                   pipeline-10m (off by default)
              --mpj-ranks a,b      rank counts of the MPJ pools (default 1,2,4); implies --mpj
              --mpj-heap-mb N      heap of each rank JVM in MiB (default 2560)
              --help               this text
            """;

    BenchmarkOptions {
        workloads = List.copyOf(workloads);
        mpjRanks = List.copyOf(mpjRanks);
        if (mpjRanks.isEmpty() || mpjRanks.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("--mpj-ranks must list rank counts >= 1, got " + mpjRanks);
        }
        if (mpjHeapMegabytes < 64) {
            throw new IllegalArgumentException("--mpj-heap-mb must be at least 64, got " + mpjHeapMegabytes);
        }
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("--scale must be in (0, 1], got " + scale);
        }
        if (warmup < 0 || repeats < 1 || tablesawRuns < 1 || calls < 1) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --repeats, --tablesaw-runs, --calls >= 1;"
                    + " got " + warmup + ", " + repeats + ", " + tablesawRuns + ", " + calls);
        }
    }

    /** Parses {@code args}; throws {@link IllegalArgumentException} with the usage text on a bad option. */
    static BenchmarkOptions parse(String... args) {
        boolean quick = List.of(args).contains("--quick");
        double scale = quick ? 0.01 : 1.0;
        List<String> workloads = new ArrayList<>();
        int warmup = quick ? 1 : 3;
        int repeats = quick ? 3 : 7;
        boolean skipTablesaw = false;
        int tablesawRuns = 1;
        int calls = quick ? 2_000 : 20_000;
        boolean mpj = false;
        List<Integer> mpjRanks = DEFAULT_MPJ_RANKS;
        int mpjHeap = DEFAULT_MPJ_HEAP_MEGABYTES;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> { }
                case "--skip-tablesaw" -> skipTablesaw = true;
                case "--scale" -> scale = Double.parseDouble(value(args, ++i, arg));
                case "--workloads" -> {
                    for (String part : value(args, ++i, arg).split(",")) {
                        if (!part.isBlank()) {
                            workloads.add(part.trim().toLowerCase(Locale.ROOT));
                        }
                    }
                }
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--repeats" -> repeats = Integer.parseInt(value(args, ++i, arg));
                case "--tablesaw-runs" -> tablesawRuns = Integer.parseInt(value(args, ++i, arg));
                case "--calls" -> calls = Integer.parseInt(value(args, ++i, arg));
                case "--mpj" -> mpj = true;
                case "--mpj-ranks" -> {
                    mpj = true;
                    List<Integer> ranks = new ArrayList<>();
                    for (String part : value(args, ++i, arg).split(",")) {
                        if (!part.isBlank()) {
                            ranks.add(Integer.parseInt(part.trim()));
                        }
                    }
                    mpjRanks = ranks.stream().distinct().sorted().toList();
                }
                case "--mpj-heap-mb" -> mpjHeap = Integer.parseInt(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'.\n" + USAGE);
            }
        }
        return new BenchmarkOptions(scale, workloads, warmup, repeats, skipTablesaw, tablesawRuns, calls, mpj, mpjRanks,
                mpjHeap);
    }

    /** Whether the workload or probe with this id and family was asked for. */
    boolean selects(String id, String family) {
        return workloads.isEmpty() || workloads.contains(id) || workloads.contains(family);
    }

    /** {@code full} scaled to this run's size, at least {@code floor}. */
    int scaled(int full, int floor) {
        return (int) Math.max(floor, Math.round(full * scale));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value.\n" + USAGE);
        }
        return args[index];
    }
}
