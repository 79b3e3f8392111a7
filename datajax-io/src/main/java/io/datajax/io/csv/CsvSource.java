package io.datajax.io.csv;

import static java.util.Objects.requireNonNull;

import io.datajax.io.BatchConsumer;
import io.datajax.io.FileSource;
import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.SourcePart;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A CSV file, or every {@code *.csv} file of a directory in name order, read as one table. Immutable and
 * serialisable: a description holding the file paths, the schema and the options; the files are read only
 * by {@link #parts} (their sizes) and {@link #read}.
 *
 * <p>Parsing: RFC 4180 with the options' delimiter and quote (a quote inside a quoted field is doubled; a
 * quote inside an unquoted field is an ordinary character), LF or CRLF line ends (a lone CR is data), an
 * optional UTF-8 byte order mark, and a last line without line end. Text is UTF-8 and is not validated.
 * An unquoted field equal to a null token is null; a quoted field never is, and non-STRING columns parse
 * the text inside the quotes. Blank lines are skipped, except in a one-column file, where a blank line is
 * a row whose value is the empty field. Rows with the wrong number of fields, values that do not parse as
 * their column's type (integers out of range included) and broken quoting are malformed: see
 * {@link MalformedRowPolicy}.
 *
 * <p>A file is read in byte ranges of about {@link CsvOptions#partBytes()} bytes. The part {@code [start,
 * start + length)} holds the rows whose line begins inside it: the part at 0 begins at the file's first row
 * (after the header); any other part begins after the first line feed at or after {@code start - 1}, and a
 * part reads its last row to its end even past {@code start + length}. So the parts of a file together hold
 * each row exactly once, provided no quoted field holds a line feed at a part boundary. Each part checks the
 * boundary after it: a split read of a file with quoted line breaks either gives the unsplit rows or fails
 * with MALFORMED_INPUT asking to read the file unsplit ({@code CsvOptions.withPartBytes(Long.MAX_VALUE)}),
 * never wrong rows.
 *
 * @param path the file or directory given, absolute
 * @param files the files read, in order
 * @param schema the columns of every file
 * @param options how the files are parsed
 */
public record CsvSource(String path, List<String> files, Schema schema, CsvOptions options) implements FileSource {
    public CsvSource {
        requireNonNull(path, "path is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(schema, "schema is null");
        requireNonNull(options, "options is null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a CSV source needs at least one file");
        }
    }

    /**
     * The CSV file {@code fileOrDirectory}, or the {@code *.csv} files of that directory sorted by name (names
     * starting with {@code .} or {@code _} are ignored). The schema is the explicit one of {@code options},
     * else inferred from the first non-empty file; every file's header must name the schema's columns in
     * order (empty files have no header and no rows). Values are read as UTF-8.
     *
     * @throws ResourceException IO_FAILED when the path does not exist, holds no CSV file or cannot be read
     * @throws SchemaException INPUT_MISMATCH when a file's header differs from the schema
     */
    public static CsvSource of(Path fileOrDirectory, CsvOptions options) {
        requireNonNull(fileOrDirectory, "fileOrDirectory is null");
        requireNonNull(options, "options is null");
        Path absolute = fileOrDirectory.toAbsolutePath().normalize();
        List<Path> files = list(absolute);
        Path first = files.stream().filter(file -> size(file.toString()) > 0).findFirst().orElse(files.get(0));
        Schema schema = options.schema().orElseGet(() -> CsvSampler.infer(first, options));
        String origin = options.schema().isPresent() ? "the given schema" : "inferred from " + first;
        for (Path file : files) {
            checkHeader(file, schema, options, origin);
        }
        return new CsvSource(absolute.toString(), files.stream().map(Path::toString).toList(), schema, options);
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String describe() {
        String nonDefault = options.describeNonDefault();
        return "csv(" + path + (nonDefault.isEmpty() ? "" : ", " + nonDefault) + ")";
    }

    /** Each file cut into byte ranges of {@link CsvOptions#partBytes()}; empty files have none. */
    @Override
    public Parts parts(ReadRequest request) {
        requireNonNull(request, "request is null");
        List<SourcePart> parts = new ArrayList<>();
        long step = options.partBytes();
        for (String file : files) {
            long size = size(file);
            for (long start = 0; start < size; start = size - start <= step ? size : start + step) {
                parts.add(new SourcePart(file, 0, start, Math.min(step, size - start)));
            }
        }
        return new Parts(parts, 0, 0);
    }

    @Override
    public ReadStats read(SourcePart part, ReadRequest request, BufferAllocator allocator, BatchConsumer consumer) {
        requireNonNull(part, "part is null");
        requireNonNull(request, "request is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(consumer, "consumer is null");
        return new CsvPartReader(this, part, request).read(allocator, consumer);
    }

    private static List<Path> list(Path path) {
        if (!Files.exists(path)) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.notFound(path.toString()), null);
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(path)) {
            entries = listing.sorted().toList();
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.io(path.toString(), "list the directory of",
                    e), e);
        }
        List<Path> files = entries.stream().filter(CsvSource::isCsvFile).toList();
        if (files.isEmpty()) {
            List<String> names = entries.stream().limit(20).map(entry -> entry.getFileName().toString()).toList();
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.noCsvFiles(path.toString(), names), null);
        }
        return files;
    }

    private static boolean isCsvFile(Path entry) {
        String name = entry.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_") && name.toLowerCase(Locale.ROOT).endsWith(".csv")
                && Files.isRegularFile(entry);
    }

    private static void checkHeader(Path file, Schema schema, CsvOptions options, String origin) {
        Optional<List<String>> header = CsvSampler.header(file, options);
        if (header.isEmpty()) {
            return;
        }
        List<String> names = header.get();
        if (options.header()) {
            if (!names.equals(schema.names())) {
                throw new SchemaException(ErrorCode.INPUT_MISMATCH,
                        CsvMessages.headerMismatch(file.toString(), names, schema.names(), origin));
            }
        } else if (names.size() != schema.size()) {
            throw new SchemaException(ErrorCode.INPUT_MISMATCH,
                    CsvMessages.schemaWidth(file.toString(), names.size(), schema.names()));
        }
    }

    private static long size(String file) {
        try {
            return Files.size(Path.of(file));
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, CsvMessages.io(file, "get the size of", e), e);
        }
    }

    @Override
    public List<io.datajax.ir.source.DataSource> perFile() {
        return files.stream().<io.datajax.ir.source.DataSource>map(file -> new CsvSource(file, List.of(file), schema, options)).toList();
    }
}
