package io.datajax.tests.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.JitFunction;
import io.datajax.api.TracedProgram;
import io.datajax.ir.plan.SourceScan;
import io.datajax.planner.stages.Stage;
import io.datajax.planner.stages.StageKind;
import io.datajax.tests.conformance.ConformanceSuite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The conformance suite with every input written to files by DataJax's sinks and read back as a source of
 * one format: the same cases, the same expected rows, whatever the executor reads from.
 */
abstract class FileConformanceSuite extends ConformanceSuite {
    @TempDir
    static Path files;

    /** The format the inputs go through. */
    protected abstract FileInputs format();

    @Override
    protected void checkPlan(String caseName, TracedProgram program) {
        for (Stage stage : program.stagePlan().stages()) {
            if (stage.kind() == StageKind.INPUT) {
                assertThat(stage.root()).as("input stage of '%s'", caseName).isInstanceOf(SourceScan.class);
            }
        }
    }

    @Override
    protected Table call(JitFunction fn, List<Table> inputs) {
        return fn.apply(format().inputs(inputs, files));
    }
}
