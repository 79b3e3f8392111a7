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
 */
record BenchmarkOptions(double scale, List<String> workloads, int warmup, int repeats, boolean skipTablesaw,
        int tablesawRuns, int calls) {
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
              --help               this text
            """;

    BenchmarkOptions {
        workloads = List.copyOf(workloads);
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
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'.\n" + USAGE);
            }
        }
        return new BenchmarkOptions(scale, workloads, warmup, repeats, skipTablesaw, tablesawRuns, calls);
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
