package io.datajax.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.api.TracedProgram;
import io.datajax.ir.error.DataJaxException;
import io.datajax.tests.conformance.ConformanceCase.Failure;
import io.datajax.tests.conformance.ConformanceCase.Order;
import io.datajax.tests.conformance.ConformanceCase.Result;
import io.datajax.tests.tables.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.Table;

/**
 * The conformance suite: every case of {@link ConformanceCases}, run on the executor and settings of a
 * subclass, compared with the hand-computed result. A subclass per executor (or per setting) makes the
 * same cases hold everywhere. Each case also checks that the caller's input tables are unchanged.
 */
public abstract class ConformanceSuite {

    /** The configuration the cases run under. */
    protected abstract DataJaxConfig config();

    /** Whether this executor keeps input order where PRODUCT.md fixes it locally (map, filter, join order). */
    protected boolean preservesInputOrder() {
        return true;
    }

    /**
     * Runs {@code fn} on a case's input tables: directly by default; a subclass may hand them over another way
     * (written to files and read back as sources, say), with the same expected result.
     */
    protected Table call(JitFunction fn, List<Table> inputs) {
        return fn.apply(inputs.toArray(Table[]::new));
    }

    /** Extra checks on each case's plan, e.g. which rules fired; none by default. */
    protected void checkPlan(String caseName, TracedProgram program) {
    }

    @TestFactory
    Stream<DynamicNode> conformance() {
        List<DynamicNode> areas = new ArrayList<>();
        for (Map.Entry<String, List<ConformanceCase>> area : ConformanceCases.byArea().entrySet()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (ConformanceCase c : area.getValue()) {
                tests.add(DynamicTest.dynamicTest(c.name(), () -> run(c)));
            }
            areas.add(DynamicContainer.dynamicContainer(area.getKey(), tests));
        }
        return areas.stream();
    }

    private void run(ConformanceCase c) {
        JitFunction fn = c.program().apply(config());
        List<Table> inputs = c.inputs();
        List<List<List<Object>>> before = c.inputs().stream().map(Rows::of).toList();
        List<List<String>> headersBefore = c.inputs().stream().map(Rows::header).toList();

        if (c.expected() instanceof Failure failure) {
            assertThatThrownBy(() -> call(fn, inputs))
                    .isInstanceOf(failure.type())
                    .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(failure.code()))
                    .satisfies(e -> failure.messagePart().ifPresent(part -> assertThat(e).hasMessageContaining(part)));
        } else {
            Result expected = (Result) c.expected();
            Table out = call(fn, inputs);
            assertThat(Rows.header(out)).as("columns of '%s'", c.name()).containsExactlyElementsOf(expected.header());
            List<List<Object>> actual = Rows.of(out);
            String description = "rows of '" + c.name() + "'\nexpected:\n" + Rows.format(expected.rows(), 50)
                    + "actual:\n" + Rows.format(actual, 50);
            if (isOrdered(expected.order())) {
                assertThat(actual).as(description).usingElementComparator(Rows.ROW_EQUALITY)
                        .containsExactlyElementsOf(expected.rows());
            } else {
                assertThat(actual).as(description).usingElementComparator(Rows.ROW_EQUALITY)
                        .containsExactlyInAnyOrderElementsOf(expected.rows());
            }
            checkPlan(c.name(), fn.lastPlan().orElseThrow());
        }

        assertThat(c.inputs().stream().map(Rows::header).toList()).as("input columns after the run")
                .isEqualTo(headersBefore);
        assertThat(c.inputs().stream().map(Rows::of).toList()).as("input rows after the run").isEqualTo(before);
    }

    private boolean isOrdered(Order order) {
        return order == Order.FIXED || (order == Order.INPUT && preservesInputOrder());
    }
}
