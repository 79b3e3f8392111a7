package io.datajax.api.spi;

import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageMetrics;

/** Progress callbacks, called on the executing thread; must be quick and must not throw. */
public interface StageListener {
    /** A listener that ignores everything. */
    StageListener NONE = new StageListener() {
    };

    /** A stage is about to run. */
    default void stageStarted(Stage stage) {
    }

    /** A stage finished. */
    default void stageFinished(Stage stage, StageMetrics metrics) {
    }
}
