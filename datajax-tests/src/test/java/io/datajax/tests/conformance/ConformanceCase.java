package io.datajax.tests.conformance;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJax;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.FrameFunction;
import io.datajax.api.FrameFunction2;
import io.datajax.api.JitFunction;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * One conformance case: a pipeline, its input tables, and the hand-computed result (header as
 * {@code "name TYPE"} and rows) or the error it must raise. Immutable. Build with
 * {@code ConformanceCase.test("what it shows").given(tables).pipeline(fn).returns(...)}.
 *
 * @param name what the case shows, as a sentence
 * @param inputs the input tables, one per frame parameter
 * @param program the pipeline, jitted for a configuration
 * @param expected the result or the error
 */
public record ConformanceCase(String name, List<Table> inputs, Function<DataJaxConfig, JitFunction> program,
        Expected expected) {

    public ConformanceCase {
        requireNonNull(name, "name is null");
        inputs = List.copyOf(inputs);
        requireNonNull(program, "program is null");
        requireNonNull(expected, "expected is null");
    }

    /** How much of the row order the contract fixes. */
    public enum Order {
        /** Fixed on every executor (aggregates are key-sorted; an explicit sort). */
        FIXED,
        /** Fixed on executors that preserve input order (the local one): map/filter/select and join order. */
        INPUT,
        /** Open: compared as a multiset. */
        ANY
    }

    /** What a case must produce. */
    public sealed interface Expected permits Result, Failure {
    }

    /**
     * A result table.
     *
     * @param header the columns as {@code "name TYPE"}
     * @param order how much of the row order is fixed
     * @param rows the rows; INT32 cells as Integer, INT64 as Long, FLOAT64 as Double, null for missing
     */
    public record Result(List<String> header, Order order, List<List<Object>> rows) implements Expected {
        public Result {
            header = List.copyOf(header);
            requireNonNull(order, "order is null");
            rows = List.copyOf(rows);
        }
    }

    /**
     * An error.
     *
     * @param type the exception class
     * @param code its error code
     * @param messagePart text the message must contain, if any
     */
    public record Failure(Class<? extends DataJaxException> type, ErrorCode code, Optional<String> messagePart)
            implements Expected {
    }

    /** Starts a case. */
    public static Builder test(String name) {
        return new Builder(name);
    }

    /** The column header of an expected result, e.g. {@code header("user_id INT64", "revenue FLOAT64")}. */
    public static List<String> header(String... columns) {
        return List.of(columns);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects the parts of a case. */
    public static final class Builder {
        private final String name;
        private List<Table> inputs = List.of();
        private Function<DataJaxConfig, JitFunction> program;

        private Builder(String name) {
            this.name = name;
        }

        /** The input tables, one per frame parameter. */
        public Builder given(Table... tables) {
            this.inputs = List.of(tables);
            return this;
        }

        /** A pipeline of one input. */
        public Builder pipeline(FrameFunction fn) {
            this.program = config -> DataJax.djit(fn, config);
            return this;
        }

        /** A pipeline of two inputs. */
        public Builder pipeline(FrameFunction2 fn) {
            this.program = config -> DataJax.djit(fn, config);
            return this;
        }

        /** The case expects this result. */
        @SafeVarargs
        public final ConformanceCase returns(List<String> header, Order order, List<Object>... rows) {
            return build(new Result(header, order, Arrays.asList(rows)));
        }

        /** The case expects this error. */
        public ConformanceCase fails(Class<? extends DataJaxException> type, ErrorCode code, String messagePart) {
            return build(new Failure(type, code, Optional.ofNullable(messagePart)));
        }

        private ConformanceCase build(Expected expected) {
            requireNonNull(program, "call pipeline(...) first");
            return new ConformanceCase(name, inputs, program, expected);
        }
    }
}
