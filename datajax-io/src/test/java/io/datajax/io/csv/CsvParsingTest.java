package io.datajax.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.io.ReadRequest;
import io.datajax.io.SourcePart;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvParsingTest {
    @TempDir
    Path dir;
    private BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static CsvOptions strings(String... names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(Field.of(name, DataType.STRING));
        }
        return CsvOptions.defaults().withSchema(new Schema(fields));
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
        Path file = write("quoted.csv", "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",\"\"\n\"\",plain\n");
        List<List<Object>> rows = CsvReads.readAll(CsvSource.of(file, strings("a", "b")), allocator).rows();
        assertThat(rows).isEqualTo(List.of(Arrays.asList("x,y", "say \"hi\""), Arrays.asList("line\nbreak", ""),
                Arrays.asList("", "plain")));
    }

    @Test
    void crlfLineEndsAreNotPartOfTheValues() throws Exception {
        Path file = write("crlf.csv", "a,b\r\n1,x\r\n\"2\",\"y\"\r\n3,\r\n");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults());
        assertThat(source.schema().toString()).isEqualTo("(a INT64, b STRING)");
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(List.of(Arrays.asList(1L, "x"),
                Arrays.asList(2L, "y"), Arrays.asList(3L, null)));
    }

    @Test
    void lastRowWithoutLineEndIsRead() throws Exception {
        Path file = write("tail.csv", "a,b\n1,x\n2,\"y\"");
        Path crlf = write("tail2.csv", "a,b\r\n1,x\r\n2,y");
        List<List<Object>> expected = List.of(Arrays.asList(1L, "x"), Arrays.asList(2L, "y"));
        assertThat(CsvReads.readAll(CsvSource.of(file, CsvOptions.defaults()), allocator).rows()).isEqualTo(expected);
        assertThat(CsvReads.readAll(CsvSource.of(crlf, CsvOptions.defaults()), allocator).rows()).isEqualTo(expected);
    }

    @Test
    void blankLinesAreSkippedWhenThereAreSeveralColumns() throws Exception {
        Path file = write("blank.csv", "a,b\n1,x\n\n\r\n2,y\n");
        assertThat(CsvReads.readAll(CsvSource.of(file, CsvOptions.defaults()), allocator).rows())
                .isEqualTo(List.of(Arrays.asList(1L, "x"), Arrays.asList(2L, "y")));
    }

    @Test
    void otherDelimiterQuoteAndNullTokens() throws Exception {
        Path file = write("semi.csv", "a;b;c\n'x;y';NA;1.5\n'NA';'';NULL\n");
        CsvOptions options = CsvOptions.defaults().withDelimiter(';').withQuote('\'').withNullTokens("NA", "NULL");
        CsvSource source = CsvSource.of(file, options);
        assertThat(source.schema().toString()).isEqualTo("(a STRING, b STRING, c FLOAT64)");
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(List.of(Arrays.asList("x;y", null, 1.5),
                Arrays.asList("NA", "", null)));
    }

    @Test
    void onlyTheRequestedColumnsAreProducedInTheirOrder() throws Exception {
        Path file = write("wide.csv", "a,b,c\n1,not a number,x\n2,,y\n");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults().withSchema(Schema.of(Field.of("a",
                DataType.INT64), Field.of("b", DataType.INT64), Field.of("c", DataType.STRING))));
        CsvReads.Result result = CsvReads.read(source, ReadRequest.of(List.of("a", "c")), allocator);
        assertThat(result.rows()).isEqualTo(List.of(Arrays.asList(1L, "x"), Arrays.asList(2L, "y")));
        CsvReads.Result none = CsvReads.read(source, ReadRequest.of(List.of()), allocator);
        assertThat(none.stats().rows()).isEqualTo(2);
    }

    @Test
    void batchesHoldAtMostTheRequestedRows() throws Exception {
        StringBuilder text = new StringBuilder("a\n");
        for (int i = 0; i < 2500; i++) {
            text.append(i).append('\n');
        }
        CsvSource source = CsvSource.of(write("rows.csv", text.toString()), CsvOptions.defaults());
        ReadRequest request = new ReadRequest(List.of("a"), Optional.empty(), 1000);
        CsvReads.Result result = CsvReads.read(source, request, allocator);
        assertThat(result.batches()).isEqualTo(3);
        assertThat(result.rows()).hasSize(2500);
        assertThat(result.stats().rows()).isEqualTo(2500);
        assertThat(result.stats().bytesRead()).isEqualTo(Files.size(Path.of(source.path())));
    }

    @Test
    void partsOfEveryTinySizeTogetherHoldExactlyTheUnsplitRows() throws Exception {
        Path file = write("small.csv", "a,b\n1,x\n22,yy\n\n333,\"zzz\"\r\n4,w");
        CsvOptions options = CsvOptions.defaults();
        List<List<Object>> unsplit = CsvReads.readAll(CsvSource.of(file, options), allocator).rows();
        assertThat(unsplit).hasSize(4);
        for (long size = 1; size <= Files.size(file) + 1; size++) {
            CsvSource split = CsvSource.of(file, options.withPartBytes(size));
            assertThat(CsvReads.readAll(split, allocator).rows()).as("part size %d", size).isEqualTo(unsplit);
        }
    }

    @Test
    void partsCoverTheFileDeterministically() throws Exception {
        Path file = write("p.csv", "a\n" + "1\n".repeat(50));
        CsvSource source = CsvSource.of(file, CsvOptions.defaults().withPartBytes(25));
        List<SourcePart> parts = source.parts(ReadRequest.of(List.of("a"))).parts();
        assertThat(parts).isEqualTo(source.parts(ReadRequest.of(List.of("a"))).parts());
        assertThat(parts).extracting(SourcePart::start).containsExactly(0L, 25L, 50L, 75L, 100L);
        assertThat(parts.get(4).length()).isEqualTo(2);
        long bytes = CsvReads.readAll(source, allocator).stats().bytesRead();
        assertThat(bytes).isEqualTo(Files.size(file));
    }

    @Test
    void longFileReadInManyPartsEqualsUnsplit() throws Exception {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder("id,x,name,day\n");
        for (int i = 0; i < 300_000; i++) {
            text.append(i).append(',');
            if (random.nextInt(10) != 0) {
                text.append(random.nextInt(100_000) / 100.0);
            }
            text.append(',').append(random.nextInt(20) == 0 ? "\"q,\"\"x\"\"\"" : "n" + random.nextInt(1000))
                    .append(',').append(random.nextInt(30) == 0 ? "" : "2024-0" + (1 + random.nextInt(9)) + "-1"
                            + random.nextInt(10)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Path file = write("long.csv", text.toString());
        CsvSource whole = CsvSource.of(file, CsvOptions.defaults());
        assertThat(whole.schema().toString()).isEqualTo("(id INT64, x FLOAT64, name STRING, day DATE)");
        List<List<Object>> unsplit = CsvReads.readAll(whole, allocator).rows();
        assertThat(unsplit).hasSize(300_000);
        CsvSource split = CsvSource.of(file, CsvOptions.defaults().withPartBytes(100_003));
        assertThat(split.parts(ReadRequest.of(List.of())).parts()).hasSizeGreaterThan(50);
        assertThat(CsvReads.readAll(split, allocator).rows()).isEqualTo(unsplit);
    }

    @Test
    void wideFileReadInManyPartsEqualsUnsplit() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < 1000; c++) {
            text.append(c == 0 ? "" : ",").append("c").append(c);
        }
        text.append('\n');
        for (int r = 0; r < 200; r++) {
            for (int c = 0; c < 1000; c++) {
                text.append(c == 0 ? "" : ",");
                if ((r + c) % 17 != 0) {
                    text.append(r * 1000 + c);
                }
            }
            text.append('\n');
        }
        Path file = write("wide.csv", text.toString());
        CsvSource whole = CsvSource.of(file, CsvOptions.defaults());
        assertThat(whole.schema().size()).isEqualTo(1000);
        List<List<Object>> unsplit = CsvReads.readAll(whole, allocator).rows();
        assertThat(unsplit).hasSize(200);
        assertThat(unsplit.get(3).get(5)).isEqualTo(3005L);
        assertThat(unsplit.get(1).get(16)).isNull();
        CsvSource split = CsvSource.of(file, CsvOptions.defaults().withPartBytes(10_000));
        assertThat(CsvReads.readAll(split, allocator).rows()).isEqualTo(unsplit);
    }

    @Test
    void rowsLongerThanTheReadBufferAreRead() throws Exception {
        String big = "v".repeat(3 << 20);
        Path file = write("big.csv", "a,b\n1," + big + "\n2,\"" + big + "\"\n");
        List<List<Object>> rows = CsvReads.readAll(CsvSource.of(file, CsvOptions.defaults()), allocator).rows();
        assertThat(rows).extracting(row -> ((String) row.get(1)).length()).containsExactly(3 << 20, 3 << 20);
    }

    @Test
    void splitReadOfQuotedLineBreaksReturnsTheUnsplitRowsOrFailsNeverWrongRows() throws Exception {
        Path file = write("multiline.csv", "a,b\n1,\"x\ny\"\n2,\"\n,\n\"\n3,z\n4,\"w\r\nv\"\n");
        CsvOptions options = CsvOptions.defaults().withSchema(Schema.of(Field.of("a", DataType.INT64),
                Field.of("b", DataType.STRING)));
        List<List<Object>> unsplit = CsvReads.readAll(CsvSource.of(file, options), allocator).rows();
        assertThat(unsplit).isEqualTo(List.of(Arrays.asList(1L, "x\ny"), Arrays.asList(2L, "\n,\n"),
                Arrays.asList(3L, "z"), Arrays.asList(4L, "w\r\nv")));
        int failed = 0;
        for (long size = 1; size <= Files.size(file) + 1; size++) {
            CsvSource split = CsvSource.of(file, options.withPartBytes(size));
            try {
                assertThat(CsvReads.readAll(split, allocator).rows()).as("part size %d", size).isEqualTo(unsplit);
            } catch (io.datajax.ir.error.ExecutionException e) {
                assertThat(e).hasMessageContaining("has a quoted field with a line break across byte")
                        .hasMessageContaining("CsvOptions.withPartBytes(Long.MAX_VALUE)");
                failed++;
            }
        }
        assertThat(failed).isPositive();
    }
}
