package io.datajax.io;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A malformed row left out of a read.
 *
 * @param file the file
 * @param line the 1-based line of the row (CSV), or the 1-based row (other formats)
 * @param column the column whose value failed, or empty for a row-level problem (wrong field count)
 * @param value the offending text, shortened to at most 100 characters
 * @param reason what was wrong and what was expected
 */
public record Reject(String file, long line, String column, String value, String reason) implements Serializable {
    public Reject {
        requireNonNull(file, "file is null");
        requireNonNull(column, "column is null");
        requireNonNull(value, "value is null");
        requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return file + ":" + line + (column.isEmpty() ? "" : " column '" + column + "'") + ": " + reason
                + " (value '" + value + "')";
    }
}
