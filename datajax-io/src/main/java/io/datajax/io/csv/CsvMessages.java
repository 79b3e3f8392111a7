package io.datajax.io.csv;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.error.ErrorMessages;
import java.io.IOException;
import java.util.List;

/** The text of every error the CSV source and sink raise, built in one place. */
final class CsvMessages {
    /** The longest value text quoted in an error or a reject. */
    static final int MAX_VALUE_CHARS = 100;

    private static final String REJECT_HINT = "or read with CsvOptions.withOnMalformed(MalformedRowPolicy.REJECT)"
            + " to leave malformed rows out";

    private CsvMessages() {
    }

    /** {@code value} cut to {@link #MAX_VALUE_CHARS} characters. */
    static String shorten(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }

    /** Why a value does not fit its column, for a {@link io.datajax.io.Reject} and the error. */
    static String valueReason(Field field, String value, boolean integerOutOfRange, CsvOptions options) {
        if (integerOutOfRange) {
            return "'" + value + "' is out of range for " + field.type() + " (" + expected(field.type(), options)
                    + ")";
        }
        return "'" + value + "' is not a valid " + field.type() + ": expected " + expected(field.type(), options);
    }

    /** The error for a value that does not fit its column. */
    static String malformedValue(String file, long line, Field field, String reason) {
        String fix = field.type().isInteger() && reason.contains("out of range")
                ? "Declare column '" + field.name() + "' as " + (field.type() == DataType.INT32 ? "INT64" : "FLOAT64")
                        + " or STRING (CsvOptions.withSchema), fix the data, "
                : "Fix the data, declare column '" + field.name() + "' as STRING (CsvOptions.withSchema) to read it"
                        + " as text, ";
        return "Malformed CSV in " + file + " line " + line + ", column '" + field.name() + "' (" + field.type()
                + "): " + reason + ". " + fix + REJECT_HINT + ".";
    }

    /** Why a row has the wrong number of fields. */
    static String fieldCountReason(int fields, List<String> columns) {
        return "the row has " + fields + (fields == 1 ? " field" : " fields") + ", expected " + columns.size()
                + " (" + ErrorMessages.list(columns) + ")";
    }

    /** Why a row's quoting is broken; {@code column} is where it happens. */
    static String quoteReason(boolean unterminated, String column, char quote) {
        return unterminated
                ? "a quoted field starting in column '" + column + "' is not closed (no matching " + quote
                        + ") before the end of the file"
                : "the closing " + quote + " of column '" + column + "' is followed by text instead of the delimiter"
                        + " or the line end";
    }

    /** The error for a row whose structure (field count, quoting) is broken. */
    static String malformedRow(String file, long line, String reason, String rowText, CsvOptions options) {
        return "Malformed CSV in " + file + " line " + line + ": " + reason + "; the row starts '" + rowText
                + "'. Check the options (delimiter '" + printable(options.delimiter()) + "', quote '"
                + options.quote() + "', header " + options.header() + "; a file with quoted line breaks must be"
                + " read unsplit: CsvOptions.withPartBytes(Long.MAX_VALUE)), fix the row, " + REJECT_HINT + ".";
    }

    static String quotedLineBreakAtBoundary(String file, long line, long boundary) {
        return "CSV file " + file + " has a quoted field with a line break across byte " + boundary + ", where the"
                + " file was split into parts for reading (the row starts on line " + line + "). A file with quoted"
                + " line breaks must be read unsplit: CsvOptions.withPartBytes(Long.MAX_VALUE).";
    }

    static String rowTooLong(String file, long offset) {
        return "Malformed CSV in " + file + ": the row starting at byte " + offset + " is longer than "
                + (CsvInput.MAX_ROW_BYTES >> 20) + " MiB, which usually means an unterminated quote. Check the quote"
                + " option and the quoting near that offset.";
    }

    static String io(String file, String action, IOException e) {
        return "Could not " + action + " CSV file " + file + ": " + e + ". Check that the path exists and is"
                + " readable.";
    }

    static String notFound(String path) {
        return "CSV path " + path + " does not exist. Give an existing .csv file or a directory of .csv files.";
    }

    static String noCsvFiles(String directory, List<String> entries) {
        return "Directory " + directory + " holds no .csv files (names starting with '.' or '_' are ignored); it"
                + " holds " + (entries.isEmpty() ? "nothing" : ErrorMessages.list(entries)) + ". Give the path of a"
                + " file or of a directory of .csv files.";
    }

    static String headerMismatch(String file, List<String> header, List<String> expected, String origin) {
        String difference;
        if (header.size() != expected.size()) {
            difference = "it has " + header.size() + " columns, expected " + expected.size();
        } else {
            int i = 0;
            while (header.get(i).equals(expected.get(i))) {
                i++;
            }
            difference = "column " + (i + 1) + " is '" + header.get(i) + "', expected '" + expected.get(i) + "'";
        }
        return "CSV file " + file + " has header " + ErrorMessages.list(header) + ", but the source's columns are "
                + ErrorMessages.list(expected) + " (" + origin + "): " + difference + ". Every file of a source must"
                + " have the same header; fix or move the file, or give a schema that matches it.";
    }

    static String schemaWidth(String file, int fields, List<String> expected) {
        return "CSV file " + file + " has " + fields + " columns in its first row, but the schema has "
                + expected.size() + " " + ErrorMessages.list(expected) + ". Give a schema with one column per"
                + " field, or check the delimiter.";
    }

    static String tooManyColumns(String file, int columns, int limit) {
        return "CSV file " + file + " has " + columns + " fields in its first line, more than the " + limit
                + " columns a CSV source supports. Check the delimiter option.";
    }

    static String writeFailed(String file, IOException e) {
        return "Could not write CSV file " + file + ": " + e + ". Check the directory's permissions and free space.";
    }

    private static String expected(DataType type, CsvOptions options) {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case INT32 -> "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
            case INT64 -> "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
            case FLOAT64 -> "a number such as 3, -0.5, 1.5e-3, NaN or Infinity";
            case DATE -> options.dateFormat().equals(CsvOptions.ISO_DATE)
                    ? "a date like 2024-05-31 (dateFormat " + CsvOptions.ISO_DATE + ")"
                    : "a date in the dateFormat " + options.dateFormat();
            case TIMESTAMP -> options.timestampFormat().equals(CsvOptions.ISO_TIMESTAMP)
                    ? "a timestamp like 2024-05-31T10:15:30.123456 (or with a space instead of T)"
                    : "a timestamp in the timestampFormat " + options.timestampFormat();
            case STRING, NULL -> "text";
        };
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }
}
