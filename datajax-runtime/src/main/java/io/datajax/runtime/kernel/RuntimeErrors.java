package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;

/** The error messages of the runtime module, built in one place. */
public final class RuntimeErrors {
    private RuntimeErrors() {
    }

    /** Integer arithmetic left its type's range. */
    public static ExecutionException overflow(String expr, long left, String symbol, long right, DataType type) {
        return new ExecutionException(ErrorCode.INTEGER_OVERFLOW, "Integer overflow in '" + expr + "': " + left + " "
                + symbol + " " + right + " does not fit in " + type + ". Cast an operand to "
                + (type == DataType.INT32 ? "INT64 or FLOAT64" : "FLOAT64") + " first if larger values are expected.");
    }

    /** An integer sum left the INT64 range. */
    public static ExecutionException sumOverflow(String call, long partial, long value) {
        return new ExecutionException(ErrorCode.INTEGER_OVERFLOW, "Integer overflow in '" + call + "': running sum "
                + partial + " + " + value + " does not fit in INT64. Cast the argument to FLOAT64 to sum approximately.");
    }

    /** A value cannot be converted to the target type. */
    public static ExecutionException invalidCast(String expr, Object value, DataType from, DataType to, String why) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return new ExecutionException(ErrorCode.INVALID_CAST, "Cannot cast " + shown + " (" + from + ") to " + to
                + " in '" + expr + "': " + why + ".");
    }

    /** A program input is missing. */
    public static ExecutionException missingInput(int index, String name, int given) {
        return new ExecutionException(ErrorCode.INPUT_MISMATCH, "Input " + index + " ('" + name + "') was not given: "
                + given + " table(s) were passed. Pass one table per traced input, in order.");
    }

    /** A program input does not have the schema the plan was traced with. */
    public static ExecutionException inputMismatch(int index, String name, Schema expected, Schema actual, String why) {
        return new ExecutionException(ErrorCode.INPUT_MISMATCH, "Input " + index + " ('" + name + "') does not match"
                + " the traced schema: " + why + ". Expected " + expected + ", got " + actual
                + ". Re-trace with the new schema or convert the table.");
    }

    /** A Tablesaw column has a type DataJax does not read. */
    public static ExecutionException unsupportedTablesawColumn(String column, String tablesawType) {
        return new ExecutionException(ErrorCode.INPUT_MISMATCH, "Column '" + column + "' has Tablesaw type "
                + tablesawType + ", which DataJax does not read. Supported: INTEGER, SHORT, LONG, DOUBLE, FLOAT,"
                + " BOOLEAN, STRING, LOCAL_DATE, LOCAL_DATE_TIME. Convert the column first.");
    }
}
