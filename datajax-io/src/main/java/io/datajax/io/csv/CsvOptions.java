package io.datajax.io.csv;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How CSV files are read and written. Immutable; compares structurally; serialisable (it travels inside
 * plans). Start from {@link #defaults()} and change what differs with the {@code withX} methods.
 *
 * @param header whether the first line of every file names the columns (default true)
 * @param delimiter the field separator, an ASCII character other than the quote, CR and LF (default {@code ,})
 * @param quote the quote character, ASCII; a quote inside a quoted field is doubled (default {@code "})
 * @param nullTokens unquoted field texts that mean null (default: only the empty field). A quoted field is
 *     never null, so {@code ""} is the empty string. The sink writes nulls as the first token.
 * @param dateFormat the {@link DateTimeFormatter} pattern of DATE values (default {@value #ISO_DATE}, read
 *     and written by a fast path; other patterns go through {@code java.time})
 * @param timestampFormat the pattern of TIMESTAMP values; the default {@value #ISO_TIMESTAMP} reads
 *     {@code 2024-05-01T10:15:30}, a space instead of the {@code T}, optional seconds and a fraction of 1 to
 *     6 digits (micros), through a fast path
 * @param schema the columns, or empty to infer them from the header and the first {@code inferenceRows}
 *     rows of the first file
 * @param inferenceRows the rows sampled to infer the schema (default 1000)
 * @param onMalformed what to do with malformed rows (default {@link MalformedRowPolicy#FAIL})
 * @param partBytes the size of the byte ranges a file is split into for parallel reads (default 32 MiB).
 *     A file whose quoted fields hold line breaks may fail to read split (with an error that says so, never
 *     with wrong rows); read such files with {@code Long.MAX_VALUE}.
 */
public record CsvOptions(boolean header, char delimiter, char quote, List<String> nullTokens, String dateFormat,
        String timestampFormat, Optional<Schema> schema, int inferenceRows, MalformedRowPolicy onMalformed,
        long partBytes) implements Serializable {
    /** The default date pattern, ISO 8601. */
    public static final String ISO_DATE = "yyyy-MM-dd";
    /** The default timestamp pattern, ISO 8601 local date-time (a space may replace the {@code T}). */
    public static final String ISO_TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]";
    /** The default part size, 32 MiB. */
    public static final long DEFAULT_PART_BYTES = 32L << 20;
    /** The default number of rows sampled for schema inference. */
    public static final int DEFAULT_INFERENCE_ROWS = 1000;

    private static final CsvOptions DEFAULTS = new CsvOptions(true, ',', '"', List.of(""), ISO_DATE,
            ISO_TIMESTAMP, Optional.empty(), DEFAULT_INFERENCE_ROWS, MalformedRowPolicy.FAIL, DEFAULT_PART_BYTES);

    public CsvOptions {
        nullTokens = List.copyOf(requireNonNull(nullTokens, "nullTokens is null"));
        requireNonNull(dateFormat, "dateFormat is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(onMalformed, "onMalformed is null");
        checkCharacter("delimiter", delimiter);
        checkCharacter("quote", quote);
        if (delimiter == quote) {
            throw invalid("CSV delimiter and quote are both '" + delimiter + "'. Choose two different characters.");
        }
        for (String token : nullTokens) {
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c == delimiter || c == quote || c == '\n' || c == '\r') {
                    throw invalid("CSV null token '" + token + "' contains the delimiter, the quote or a line break,"
                            + " so it could not be told apart from data. Choose a token without them, e.g. 'NA'.");
                }
            }
        }
        schema.ifPresent(columns -> columns.fields().stream().filter(field -> field.type() == DataType.NULL).findFirst()
                .ifPresent(field -> {
                    throw invalid("CSV schema column '" + field.name() + "' has type NULL, which no CSV value has."
                            + " Give it a value type: BOOLEAN, INT32, INT64, FLOAT64, STRING, DATE or TIMESTAMP.");
                }));
        checkPattern("dateFormat", dateFormat);
        checkPattern("timestampFormat", timestampFormat);
        if (inferenceRows <= 0) {
            throw invalid("CSV inferenceRows must be positive, got " + inferenceRows + ".");
        }
        if (partBytes <= 0) {
            throw invalid("CSV partBytes must be positive, got " + partBytes
                    + ". Use Long.MAX_VALUE to never split a file.");
        }
    }

    /** Header, comma, double quote, empty field as null, ISO dates and timestamps, inferred schema, FAIL. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /** These options with or without a header line. */
    public CsvOptions withHeader(boolean hasHeader) {
        return new CsvOptions(hasHeader, delimiter, quote, nullTokens, dateFormat, timestampFormat, schema,
                inferenceRows, onMalformed, partBytes);
    }

    /** These options with another field separator. */
    public CsvOptions withDelimiter(char separator) {
        return new CsvOptions(header, separator, quote, nullTokens, dateFormat, timestampFormat, schema,
                inferenceRows, onMalformed, partBytes);
    }

    /** These options with another quote character. */
    public CsvOptions withQuote(char quoteCharacter) {
        return new CsvOptions(header, delimiter, quoteCharacter, nullTokens, dateFormat, timestampFormat, schema,
                inferenceRows, onMalformed, partBytes);
    }

    /** These options with {@code tokens} as the texts that mean null (the first is what the sink writes). */
    public CsvOptions withNullTokens(String... tokens) {
        return new CsvOptions(header, delimiter, quote, List.of(tokens), dateFormat, timestampFormat, schema,
                inferenceRows, onMalformed, partBytes);
    }

    /** These options with another DATE pattern ({@link DateTimeFormatter} syntax). */
    public CsvOptions withDateFormat(String pattern) {
        return new CsvOptions(header, delimiter, quote, nullTokens, pattern, timestampFormat, schema,
                inferenceRows, onMalformed, partBytes);
    }

    /** These options with another TIMESTAMP pattern ({@link DateTimeFormatter} syntax). */
    public CsvOptions withTimestampFormat(String pattern) {
        return new CsvOptions(header, delimiter, quote, nullTokens, dateFormat, pattern, schema, inferenceRows,
                onMalformed, partBytes);
    }

    /** These options with an explicit schema: no inference, and every header must name these columns. */
    public CsvOptions withSchema(Schema columns) {
        return new CsvOptions(header, delimiter, quote, nullTokens, dateFormat, timestampFormat,
                Optional.of(columns), inferenceRows, onMalformed, partBytes);
    }

    /** These options sampling {@code rows} rows to infer the schema. */
    public CsvOptions withInferenceRows(int rows) {
        return new CsvOptions(header, delimiter, quote, nullTokens, dateFormat, timestampFormat, schema, rows,
                onMalformed, partBytes);
    }

    /** These options with another malformed-row policy. */
    public CsvOptions withOnMalformed(MalformedRowPolicy policy) {
        return new CsvOptions(header, delimiter, quote, nullTokens, dateFormat, timestampFormat, schema,
                inferenceRows, policy, partBytes);
    }

    /** These options splitting files into byte ranges of about {@code bytes} bytes. */
    public CsvOptions withPartBytes(long bytes) {
        return new CsvOptions(header, delimiter, quote, nullTokens, dateFormat, timestampFormat, schema,
                inferenceRows, onMalformed, bytes);
    }

    /** The options that differ from the defaults, e.g. {@code delimiter=';', nulls=[NA]}; empty if none. */
    String describeNonDefault() {
        List<String> parts = new ArrayList<>();
        if (header != DEFAULTS.header) {
            parts.add("header=" + header);
        }
        if (delimiter != DEFAULTS.delimiter) {
            parts.add("delimiter='" + printable(delimiter) + "'");
        }
        if (quote != DEFAULTS.quote) {
            parts.add("quote='" + printable(quote) + "'");
        }
        if (!nullTokens.equals(DEFAULTS.nullTokens)) {
            parts.add("nulls=" + nullTokens);
        }
        if (!dateFormat.equals(DEFAULTS.dateFormat)) {
            parts.add("dateFormat=" + dateFormat);
        }
        if (!timestampFormat.equals(DEFAULTS.timestampFormat)) {
            parts.add("timestampFormat=" + timestampFormat);
        }
        schema.ifPresent(columns -> parts.add("schema=" + columns));
        if (inferenceRows != DEFAULTS.inferenceRows && schema.isEmpty()) {
            parts.add("inferenceRows=" + inferenceRows);
        }
        if (onMalformed != DEFAULTS.onMalformed) {
            parts.add("onMalformed=" + onMalformed);
        }
        if (partBytes != DEFAULTS.partBytes) {
            parts.add("partBytes=" + partBytes);
        }
        return String.join(", ", parts);
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    private static void checkCharacter(String what, char c) {
        if (c >= 128 || c == '\n' || c == '\r') {
            throw invalid("CSV " + what + " must be an ASCII character other than CR and LF, got U+"
                    + String.format(Locale.ROOT, "%04X", (int) c) + ". Common choices: ',', ';', '\\t', '|' and '\"'.");
        }
    }

    private static void checkPattern(String what, String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("CSV " + what + " '" + pattern + "' is not a valid java.time pattern: " + e.getMessage()
                    + ". Example: 'dd.MM.yyyy' or 'yyyy-MM-dd HH:mm:ss'.");
        }
    }

    private static SchemaException invalid(String message) {
        return new SchemaException(ErrorCode.INVALID_CONFIG, message);
    }

    private Object writeReplace() {
        return new SerialForm(header, delimiter, quote, nullTokens, dateFormat, timestampFormat, schema.orElse(null),
                inferenceRows, onMalformed, partBytes);
    }

    /** Serial form: {@link Optional} is not serializable. */
    private record SerialForm(boolean header, char delimiter, char quote, List<String> nullTokens,
            String dateFormat, String timestampFormat, Schema schema, int inferenceRows,
            MalformedRowPolicy onMalformed, long partBytes) implements Serializable {
        private Object readResolve() {
            return new CsvOptions(header, delimiter, quote, nullTokens, dateFormat, timestampFormat,
                    Optional.ofNullable(schema), inferenceRows, onMalformed, partBytes);
        }
    }
}
