package io.datajax.planner.stages;

import io.datajax.ir.plan.Scan;
import io.datajax.ir.plan.SourceScan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text of {@code explain()}: a stage plan, top-down in the order the code reads, with optional run
 * metrics. Deterministic: the same plan, header and metrics always print the same text.
 *
 * <p>Format (lines end with {@code \n}; indented lines use two spaces):
 * <pre>
 * == DataJax plan ==
 * executor: local (in-process, 1 thread)                     header lines, verbatim
 * Stage 0 INPUT input[0] df                                  INPUT: "input[index] name"
 *   out: (user_id INT64, qty INT64)  sharding: blocks
 * Stage 1 TRANSFORM &lt;- stage 0                                inputs: "&lt;- stage n" / "&lt;- stages n, m"
 *   Filter[(qty &gt; 0L)]                                       one line per node, execution order
 *   out: (user_id INT64, qty INT64)  sharding: blocks
 * Stage 2 JOIN &lt;- stages 1, 0
 *   in: left (user_id INT64, qty INT64), right (...)          only for stages with several inputs
 *   left: Exchange[hash(user_id), 2]                          only exchanges present; single-input
 *   right: Exchange[hash(user_id), 2]                           stages print "Exchange[...]" alone
 *   Join[INNER, on=[user_id]]
 *   out: (...)  sharding: byKey(user_id)
 *   run: rows in 5, out 2, 0.12 ms, exchanged 512 bytes, peak 1.2 MB   only with metrics for the stage
 *   note: join strategy: broadcast right (...)                        only when the metrics carry notes
 * rules applied: PushFilterIntoJoin, PruneColumns            or "rules applied: none"
 * </pre>
 * Times are milliseconds with two decimals; "exchanged" and "peak" appear only when above zero; peak
 * memory is in B, KB, MB or GB (powers of 1024, one decimal above bytes). Numbers use {@link Locale#ROOT}.
 */
public final class ExplainPrinter {
    private ExplainPrinter() {
    }

    /**
     * Prints {@code plan} under {@code headerLines}, with the metrics of each stage id in {@code metrics}
     * (empty before a run).
     */
    public static String print(StagePlan plan, List<String> headerLines, Map<Integer, StageMetrics> metrics) {
        StringBuilder out = new StringBuilder("== DataJax plan ==\n");
        headerLines.forEach(line -> out.append(line).append('\n'));
        for (Stage stage : plan.stages()) {
            printStage(stage, Optional.ofNullable(metrics.get(stage.id())), out);
        }
        out.append("rules applied: ")
                .append(plan.appliedRules().isEmpty() ? "none" : String.join(", ", plan.appliedRules()))
                .append('\n');
        return out.toString();
    }

    private static void printStage(Stage stage, Optional<StageMetrics> metrics, StringBuilder out) {
        out.append("Stage ").append(stage.id()).append(' ').append(stage.kind());
        if (stage.kind() == StageKind.INPUT && stage.root() instanceof Scan scan) {
            out.append(" input[").append(scan.input()).append("] ").append(scan.name());
        } else if (stage.kind() == StageKind.INPUT && stage.root() instanceof SourceScan read) {
            out.append(" source ").append(read.source().describe());
        }
        if (!stage.inputs().isEmpty()) {
            out.append(stage.inputs().size() == 1 ? " <- stage " : " <- stages ")
                    .append(stage.inputs().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        out.append('\n');
        boolean several = stage.inputs().size() > 1;
        if (several) {
            out.append("  in: ");
            for (int i = 0; i < stage.inputs().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(inputLabel(stage, i)).append(' ').append(stage.inputSchemas().get(i));
            }
            out.append('\n');
        }
        for (int i = 0; i < stage.exchanges().size(); i++) {
            Optional<Exchange> exchange = stage.exchanges().get(i);
            if (exchange.isPresent()) {
                out.append("  ").append(several ? inputLabel(stage, i) + ": " : "").append(exchange.get()).append('\n');
            }
        }
        if (stage.kind() != StageKind.INPUT) {
            stage.nodes().forEach(node -> out.append("  ").append(node).append('\n'));
        } else if (stage.root() instanceof SourceScan read) {
            out.append("  read: columns ").append(read.schema().size()).append('/').append(read.source().schema().size())
                    .append(read.filter().map(f -> ", skip unless " + f).orElse("")).append('\n');
        }
        out.append("  out: ").append(stage.schema()).append("  sharding: ").append(stage.sharding()).append('\n');
        metrics.ifPresent(m -> out.append("  run: ").append(run(m)).append('\n'));
        metrics.filter(m -> !m.notes().isEmpty()).ifPresent(m -> out.append("  note: ").append(m.notes()).append('\n'));
    }

    private static String inputLabel(Stage stage, int input) {
        if (stage.kind() == StageKind.JOIN) {
            return input == 0 ? "left" : "right";
        }
        return "input " + input;
    }

    private static String run(StageMetrics metrics) {
        StringBuilder out = new StringBuilder();
        out.append("rows in ").append(metrics.rowsIn()).append(", out ").append(metrics.rowsOut()).append(", ")
                .append(String.format(Locale.ROOT, "%.2f ms", metrics.nanos() / 1e6));
        if (metrics.bytesExchanged() > 0) {
            out.append(", exchanged ").append(metrics.bytesExchanged()).append(" bytes");
        }
        if (metrics.peakBytes() > 0) {
            out.append(", peak ").append(bytes(metrics.peakBytes()));
        }
        return out.toString();
    }

    /** E.g. {@code 512 B}, {@code 1.5 KB}, {@code 1.2 MB}, {@code 3.0 GB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
