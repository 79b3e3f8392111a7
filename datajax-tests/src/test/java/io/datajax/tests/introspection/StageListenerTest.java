package io.datajax.tests.introspection;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.api.spi.StageListener;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class StageListenerTest {
    @Test
    void listenerHearsEveryStageStartBeforeItFinishes() {
        List<String> events = new ArrayList<>();
        StageListener listener = new StageListener() {
            @Override
            public void stageStarted(Stage stage) {
                events.add("start " + stage.id() + " " + stage.kind());
            }

            @Override
            public void stageFinished(Stage stage, StageMetrics metrics) {
                events.add("end " + stage.id() + " rows " + metrics.rowsOut());
            }
        };
        JitFunction fn = DataJax.djit(df -> df.withColumn("revenue", col("unit_price").multiply(col("qty")))
                .groupBy("user_id").agg(sum("revenue")), DataJaxConfig.defaults()).withListener(listener);
        fn.apply(Table.create("orders", LongColumn.create("user_id", 1, 2, 1, 2, 1),
                DoubleColumn.create("unit_price", 2.0, 3.0, 4.0, 1.0, 5.0), LongColumn.create("qty", 1, 2, 1, 3, 1)));
        // Fused stages (a transform folded into the aggregation pass) may start together, so only the
        // order of starts, each start before its finish, and the finishing rows are fixed.
        assertThat(events.stream().filter(e -> e.startsWith("start")))
                .containsExactly("start 0 INPUT", "start 1 TRANSFORM", "start 2 AGGREGATE");
        assertThat(events.stream().filter(e -> e.startsWith("end")))
                .containsExactlyInAnyOrder("end 0 rows 5", "end 1 rows 5", "end 2 rows 2");
        for (int stage = 0; stage < 3; stage++) {
            String id = " " + stage + " ";
            int start = indexOf(events, "start" + id);
            int end = indexOf(events, "end" + id);
            assertThat(start).as("stage %d starts before it ends", stage).isLessThan(end);
        }
    }

    private static int indexOf(List<String> events, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
