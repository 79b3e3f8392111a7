package io.datajax.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One engine's answer to a workload in a canonical, order-free form: rows keyed by their group-key values
 * (joined as text), each with the same named numeric values. Null values are NaN. Immutable.
 *
 * <p>Engines leave row order open or differ in it, so rows are compared by key; values are compared with a
 * relative tolerance, since engines add floating-point numbers in different orders.
 */
final class ResultRows {
    /** Relative tolerance for values; sums of millions of doubles in different orders differ in the last bits. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private final List<String> valueNames;
    private final TreeMap<String, double[]> rows;

    private ResultRows(List<String> valueNames, TreeMap<String, double[]> rows) {
        this.valueNames = List.copyOf(valueNames);
        this.rows = rows;
    }

    /** A builder for rows with the named values. */
    static Builder builder(String... valueNames) {
        return new Builder(List.of(valueNames));
    }

    /** Reads a Tablesaw result: key columns by name (possibly none), then the value columns by name. */
    static ResultRows fromTable(Table table, List<String> keyColumns, List<String> valueColumns) {
        Builder builder = new Builder(valueColumns);
        List<Column<?>> keys = new ArrayList<>();
        for (String key : keyColumns) {
            keys.add(table.column(key));
        }
        List<NumericColumn<?>> values = new ArrayList<>();
        for (String value : valueColumns) {
            values.add(table.numberColumn(value));
        }
        for (int row = 0; row < table.rowCount(); row++) {
            Object[] key = new Object[keys.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = keys.get(k).get(row);
            }
            double[] vals = new double[values.size()];
            for (int v = 0; v < vals.length; v++) {
                NumericColumn<?> column = values.get(v);
                vals[v] = column.isMissing(row) ? Double.NaN : column.getDouble(row);
            }
            builder.add(vals, key);
        }
        return builder.build();
    }

    /**
     * Reads rows fetched from JDBC ({@link DuckDbEngine#fetch}): the first {@code keyCount} cells of each row
     * are keys, the rest are numbers or null.
     */
    static ResultRows fromJdbcRows(List<Object[]> fetched, int keyCount, List<String> columnLabels) {
        Builder builder = new Builder(columnLabels.subList(keyCount, columnLabels.size()));
        for (Object[] row : fetched) {
            double[] vals = new double[row.length - keyCount];
            for (int v = 0; v < vals.length; v++) {
                Object cell = row[keyCount + v];
                vals[v] = cell == null ? Double.NaN : ((Number) cell).doubleValue();
            }
            builder.add(vals, Arrays.copyOf(row, keyCount));
        }
        return builder.build();
    }

    /** The number of rows. */
    int size() {
        return rows.size();
    }

    /** The value names, in order. */
    List<String> valueNames() {
        return valueNames;
    }

    /**
     * How this result differs from {@code expected}, or empty if it has the same keys and, for each key, values
     * equal within {@link #RELATIVE_TOLERANCE} (value names may differ between engines; positions must agree).
     */
    Optional<String> difference(ResultRows expected) {
        requireNonNull(expected, "expected is null");
        if (valueNames.size() != expected.valueNames.size()) {
            return Optional.of("value columns " + valueNames + " vs expected " + expected.valueNames);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, double[]> want : expected.rows.entrySet()) {
            double[] got = rows.get(want.getKey());
            if (got == null) {
                problems.add("missing group [" + want.getKey() + "] (expected " + format(want.getValue()) + ")");
                continue;
            }
            for (int v = 0; v < got.length; v++) {
                if (!close(got[v], want.getValue()[v])) {
                    problems.add("group [" + want.getKey() + "] " + expected.valueNames.get(v) + ": got "
                            + format(got[v]) + ", expected " + format(want.getValue()[v]));
                }
            }
        }
        for (String key : rows.keySet()) {
            if (!expected.rows.containsKey(key)) {
                problems.add("unexpected group [" + key + "] " + format(rows.get(key)));
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String head = problems.size() + " difference(s) in " + expected.rows.size() + " expected / " + rows.size()
                + " actual rows; first: ";
        return Optional.of(head + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }

    static boolean close(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.isNaN(actual) && Double.isNaN(expected);
        }
        double scale = Math.max(Math.abs(actual), Math.abs(expected));
        return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * scale + 1e-12;
    }

    private static String format(double[] values) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(format(values[i]));
        }
        return out.append(')').toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.10g", value);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(rows.size() + " rows " + valueNames);
        rows.entrySet().stream().limit(5).forEach(e -> out.append(" [").append(e.getKey()).append("] ")
                .append(format(e.getValue())));
        return out.append(rows.size() > 5 ? " ..." : "").toString();
    }

    /** Collects rows; a key seen twice is an error (every workload's result has unique keys). */
    static final class Builder {
        private final List<String> valueNames;
        private final TreeMap<String, double[]> rows = new TreeMap<>();

        private Builder(List<String> valueNames) {
            this.valueNames = List.copyOf(valueNames);
        }

        /** Adds one row: its values (NaN for null), then its key values (numbers, strings or dates). */
        Builder add(double[] values, Object... key) {
            if (values.length != valueNames.size()) {
                throw new IllegalArgumentException("expected " + valueNames.size() + " values " + valueNames
                        + ", got " + Arrays.toString(values));
            }
            String text = keyText(key);
            if (rows.put(text, values.clone()) != null) {
                throw new IllegalStateException("duplicate group [" + text + "] in a result");
            }
            return this;
        }

        ResultRows build() {
            return new ResultRows(valueNames, new TreeMap<>(rows));
        }

        private static String keyText(Object[] key) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < key.length; i++) {
                Object part = key[i];
                // JDBC and Tablesaw give integers as Integer, Long or Short: print them alike.
                String text = part == null ? "null"
                        : part instanceof Number n && !(part instanceof Double) && !(part instanceof Float)
                                ? Long.toString(n.longValue()) : part.toString();
                out.append(i == 0 ? "" : "|").append(text);
            }
            return out.toString();
        }
    }
}
