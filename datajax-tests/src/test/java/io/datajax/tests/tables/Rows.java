package io.datajax.tests.tables;

import io.datajax.api.trace.TablesawSchemas;
import io.datajax.ir.Field;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Table contents as plain rows ({@code List<List<Object>>}, a missing value as {@code null}) and the
 * comparisons the end-to-end tests use: doubles within a relative tolerance, nulls equal to nulls,
 * and otherwise {@link Object#equals}, so an INT32 {@code 1} (Integer) differs from an INT64 {@code 1L}.
 */
public final class Rows {
    /** Relative tolerance for doubles, to absorb a different summation order. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /** Orders rows by cell equality with {@link #valuesEqual}; 0 means equal, for AssertJ's element comparators. */
    public static final Comparator<List<Object>> ROW_EQUALITY = (a, b) -> rowsEqual(a, b) ? 0 : 1;

    private Rows() {
    }

    /** One row; unlike {@code List.of}, allows nulls. */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** The rows of a table, missing values as null. */
    public static List<List<Object>> of(Table table) {
        List<List<Object>> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            List<Object> row = new ArrayList<>(table.columnCount());
            for (Column<?> column : table.columns()) {
                row.add(column.isMissing(r) ? null : column.get(r));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The columns of a table as {@code "name TYPE"}, with DataJax type names. */
    public static List<String> header(Table table) {
        return TablesawSchemas.schemaOf(table).fields().stream().map(Rows::describe).toList();
    }

    private static String describe(Field field) {
        return field.name() + " " + field.type();
    }

    /** Whether two cells are equal: nulls equal, doubles within the tolerance, everything else by equals. */
    public static boolean valuesEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return doublesEqual(x, y);
        }
        return a.equals(b);
    }

    /** Whether two doubles are equal within {@link #RELATIVE_TOLERANCE}; NaN equals NaN, infinities equal themselves. */
    public static boolean doublesEqual(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return x == y;
        }
        double scale = Math.max(1e-300, Math.max(Math.abs(x), Math.abs(y)));
        return x == y || Math.abs(x - y) <= RELATIVE_TOLERANCE * scale || Math.abs(x - y) <= 1e-12;
    }

    /** Whether two rows have equal cells, position by position. */
    public static boolean rowsEqual(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!valuesEqual(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether two row lists are equal in order. */
    public static boolean equalInOrder(List<List<Object>> a, List<List<Object>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!rowsEqual(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether two row lists hold the same rows, each as often, in any order. */
    public static boolean equalAsMultisets(List<List<Object>> a, List<List<Object>> b) {
        return a.size() == b.size() && equalInOrder(canonicalOrder(a), canonicalOrder(b));
    }

    /** The rows sorted by a total order over cells (nulls first, then by type, then by value). */
    public static List<List<Object>> canonicalOrder(List<List<Object>> rows) {
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Rows::compareRows);
        return sorted;
    }

    private static int compareRows(List<Object> a, List<Object> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Double) && !(b instanceof Double)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue() == 0.0 ? 0.0 : x.doubleValue(), y.doubleValue() == 0.0 ? 0.0 : y.doubleValue());
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return ((Comparable) a).compareTo(b);
    }

    /**
     * A cell as the oracle compares it: every integer kind (Integer, Long, BigInteger from DuckDB's HUGEINT
     * sums) as Long, {@code java.sql.Date} as LocalDate, everything else unchanged. Types are checked
     * separately, against the schema.
     */
    public static Object normalized(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        } else if (value instanceof Short s) {
            return s.longValue();
        } else if (value instanceof BigInteger big) {
            return big.longValueExact();
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        } else if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** Every cell {@link #normalized}. */
    public static List<List<Object>> normalized(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>(row.size());
            for (Object value : row) {
                copy.add(normalized(value));
            }
            out.add(copy);
        }
        return out;
    }

    /** Rows as text, one per line, for failure messages; at most {@code limit} rows. */
    public static String format(List<List<Object>> rows, int limit) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(rows.size(), limit);
        for (int i = 0; i < shown; i++) {
            out.append("  ").append(i).append(": ").append(formatRow(rows.get(i))).append('\n');
        }
        if (rows.size() > shown) {
            out.append("  ... ").append(rows.size() - shown).append(" more rows\n");
        }
        if (rows.isEmpty()) {
            out.append("  (no rows)\n");
        }
        return out.toString();
    }

    private static String formatRow(List<Object> row) {
        List<String> cells = new ArrayList<>(row.size());
        for (Object value : row) {
            cells.add(value == null ? "null" : value instanceof String s ? "'" + s + "'"
                    : value instanceof LocalDate ? value.toString() : value + typeSuffix(value));
        }
        return String.join(", ", cells);
    }

    private static String typeSuffix(Object value) {
        return value instanceof Long ? "L" : "";
    }
}
