package io.datajax.io.csv;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the start of a CSV file: its header, and a schema inferred from the header and the first sampled
 * rows. Inference gives each column the first type of BOOLEAN ({@code true}/{@code false}), INT64, FLOAT64,
 * DATE, TIMESTAMP that all its non-null sampled values parse as, else STRING (also for a column with no
 * values); every column is nullable. Without a header the columns are named {@code column0, column1, ...};
 * an empty header name becomes {@code column<i>} too. Sampled rows with the wrong field count are skipped
 * (the read reports them).
 */
final class CsvSampler {
    private static final DataType[] CANDIDATES = {
        DataType.BOOLEAN, DataType.INT64, DataType.FLOAT64, DataType.DATE, DataType.TIMESTAMP,
    };
    private static final int ALL = (1 << CANDIDATES.length) - 1;
    private static final int SAMPLE_BUFFER = 1 << 20;
    /** The most columns a CSV file may have. */
    static final int MAX_COLUMNS = 1 << 16;

    private CsvSampler() {
    }

    /** The header of {@code file}, or empty when the file holds no line at all. */
    static Optional<List<String>> header(Path file, CsvOptions options) {
        return sample(file, options, 0).map(sample -> sample.names);
    }

    /** The schema inferred from {@code file}; no columns for an empty file. */
    static Schema infer(Path file, CsvOptions options) {
        Optional<Sample> sample = sample(file, options, options.inferenceRows());
        if (sample.isEmpty()) {
            return new Schema(List.of());
        }
        List<String> names = sample.get().names;
        int[] masks = sample.get().masks;
        boolean[] seen = sample.get().seen;
        List<Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            DataType type = DataType.STRING;
            if (seen[i]) {
                for (int c = 0; c < CANDIDATES.length; c++) {
                    if ((masks[i] & (1 << c)) != 0) {
                        type = CANDIDATES[c];
                        break;
                    }
                }
            }
            fields.add(Field.of(names.get(i), type));
        }
        return new Schema(fields);
    }

    /** The column names and, per column, the candidate types left after the sampled rows. */
    private record Sample(List<String> names, int[] masks, boolean[] seen) {
    }

    private static Optional<Sample> sample(Path file, CsvOptions options, int rows) {
        String name = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            RowSplitter splitter = new RowSplitter(options.delimiter(), options.quote(), 64);
            CsvInput input = new CsvInput(channel, 0, SAMPLE_BUFFER);
            RowCursor cursor = new RowCursor(name, input, splitter);
            cursor.skipByteOrderMark();
            splitter.ensureCapacity(MAX_COLUMNS);
            if (!cursor.next()) {
                return Optional.empty();
            }
            int columns = splitter.count;
            if (columns > MAX_COLUMNS) {
                throw new SchemaException(ErrorCode.INVALID_ARGUMENT, CsvMessages.tooManyColumns(name, columns,
                        MAX_COLUMNS));
            }
            List<String> names = new ArrayList<>(columns);
            for (int i = 0; i < columns; i++) {
                String text = options.header() ? text(input.buffer, splitter, i, options.quote()) : "";
                names.add(text.isEmpty() ? "column" + i : text);
            }
            int[] masks = new int[columns];
            boolean[] seen = new boolean[columns];
            java.util.Arrays.fill(masks, ALL);
            NumberParser numbers = new NumberParser();
            TemporalCodec temporals = new TemporalCodec(options);
            NullTokens nulls = new NullTokens(options.nullTokens());
            boolean pending = !options.header();
            for (int row = 0; row < rows; row++) {
                if (!pending && !cursor.next()) {
                    break;
                }
                pending = false;
                if (splitter.count != columns || splitter.problem != RowSplitter.OK) {
                    continue;
                }
                for (int i = 0; i < columns; i++) {
                    int start = splitter.starts[i];
                    int end = splitter.ends[i];
                    if (!splitter.quoted[i] && nulls.matches(input.buffer, start, end)) {
                        continue;
                    }
                    seen[i] = true;
                    masks[i] &= fits(input.buffer, start, end, masks[i], numbers, temporals);
                }
            }
            return Optional.of(new Sample(names, masks, seen));
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.io(name, "read the start of the", e), e);
        }
    }

    /** The candidates among {@code mask} that {@code b[start, end)} parses as. */
    private static int fits(byte[] b, int start, int end, int mask, NumberParser numbers, TemporalCodec temporals) {
        int fits = 0;
        for (int c = 0; c < CANDIDATES.length; c++) {
            if ((mask & (1 << c)) != 0 && parses(CANDIDATES[c], b, start, end, numbers, temporals)) {
                fits |= 1 << c;
            }
        }
        return fits;
    }

    private static boolean parses(DataType type, byte[] b, int start, int end, NumberParser numbers,
            TemporalCodec temporals) {
        return switch (type) {
            case BOOLEAN -> numbers.parseBoolean(b, start, end);
            case INT64 -> numbers.parseLong(b, start, end);
            case FLOAT64 -> numbers.parseDouble(b, start, end);
            case DATE -> temporals.parseDate(b, start, end);
            case TIMESTAMP -> temporals.parseTimestamp(b, start, end);
            default -> false;
        };
    }

    /** The text of field {@code i} of the current row, quotes unescaped. */
    static String text(byte[] b, RowSplitter splitter, int i, char quote) {
        String text = new String(b, splitter.starts[i], splitter.ends[i] - splitter.starts[i], StandardCharsets.UTF_8);
        if (splitter.escaped[i]) {
            String one = String.valueOf(quote);
            text = text.replace(one + one, one);
        }
        return text;
    }
}
