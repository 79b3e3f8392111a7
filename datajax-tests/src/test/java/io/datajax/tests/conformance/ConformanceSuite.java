package io.datajax.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.api.TracedProgram;
import io.datajax.ir.error.DataJaxException;
import io.datajax.tests.conformance.ConformanceCase.Failure;
import io.datajax.tests.conformance.ConformanceCase.Order;
import io.datajax.tests.conformance.ConformanceCase.Result;
import io.datajax.tests.tables.Rows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
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

    /**
     * A result never shares memory with an input, even where the executor reads the input's arrays in place:
     * columns passed through unchanged (no missing values, so nothing forces a copy on the way in) are
     * mutated in the result and then in the input, and the other side keeps its values.
     */
    @Test
    void resultsNeverShareMemoryWithTheInputs() {
        int n = 140_000; // above two of the converter's 65,536-row ranges, so two threads split the columns
        double[] doubles = new double[n];
        int[] ints = new int[n];
        long[] longs = new long[n];
        String[] strings = new String[n];
        for (int i = 0; i < n; i++) {
            doubles[i] = i * 0.5;
            ints[i] = i;
            longs[i] = 3L * i;
            strings[i] = "s" + (i % 3);
        }
        DateColumn dates = DateColumn.create("t");
        for (int i = 0; i < n; i++) {
            dates.append(LocalDate.of(2024, 1, 1).plusDays(i % 1000));
        }
        Table input = Table.create("t", DoubleColumn.create("d", doubles), IntColumn.create("i", ints),
                LongColumn.create("l", longs), StringColumn.create("s", strings), dates);
        List<List<Object>> inputRows = Rows.of(input);
        JitFunction passThrough = DataJax.djit(df -> df.select("d", "i", "l", "s", "t"), config());

        Table out = passThrough.apply(input);
        assertThat(Rows.of(out)).isEqualTo(inputRows);
        for (int row : new int[] {0, n / 2, n - 1}) {
            out.doubleColumn("d").set(row, -1.0);
            out.intColumn("i").set(row, -1);
            out.longColumn("l").set(row, -1L);
            out.stringColumn("s").set(row, "changed");
            out.dateColumn("t").set(row, LocalDate.of(1999, 9, 9));
        }
        assertThat(Rows.of(input)).as("input after mutating the result").isEqualTo(inputRows);

        Table again = passThrough.apply(input);
        List<List<Object>> againRows = Rows.of(again);
        for (int row : new int[] {1, n / 3, n - 2}) {
            input.doubleColumn("d").set(row, -2.0);
            input.intColumn("i").set(row, -2);
            input.longColumn("l").set(row, -2L);
            input.stringColumn("s").set(row, "changed");
            input.dateColumn("t").set(row, LocalDate.of(1998, 8, 8));
        }
        assertThat(Rows.of(again)).as("result after mutating the input").isEqualTo(againRows);
        assertThat(againRows).isEqualTo(inputRows);
    }

    private boolean isOrdered(Order order) {
        return order == Order.FIXED || (order == Order.INPUT && preservesInputOrder());
    }
}
