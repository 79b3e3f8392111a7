package io.datajax.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInferenceTest {
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

    @Test
    void eachTypeIsInferredFromItsValues() throws Exception {
        Path file = write("types.csv", """
                b,i,f,d,t,s,mixed,empty,big
                true,1,1.5,2024-01-31,2024-01-31T10:00:00,x,1,,99999999999999999999
                FALSE,-2,3,2024-02-29,2024-01-31 10:00:00.5,y,2.5,,1
                ,,,,,,,,
                """);
        assertThat(CsvSource.of(file, CsvOptions.defaults()).schema().toString()).isEqualTo("(b BOOLEAN, i INT64,"
                + " f FLOAT64, d DATE, t TIMESTAMP, s STRING, mixed FLOAT64, empty STRING, big FLOAT64)");
    }

    @Test
    void aValueOfAnotherKindMakesTheColumnString() throws Exception {
        Path file = write("strings.csv", "a,b,c\n1,2024-01-01,true\nx,2024-13-01,yes\n");
        assertThat(CsvSource.of(file, CsvOptions.defaults()).schema().toString())
                .isEqualTo("(a STRING, b STRING, c STRING)");
    }

    @Test
    void onlyTheSampledRowsDecideTheType() throws Exception {
        Path file = write("late.csv", "a\n1\n2\nlate text\n");
        assertThat(CsvSource.of(file, CsvOptions.defaults().withInferenceRows(2)).schema().toString())
                .isEqualTo("(a INT64)");
        assertThat(CsvSource.of(file, CsvOptions.defaults().withInferenceRows(3)).schema().toString())
                .isEqualTo("(a STRING)");
    }

    @Test
    void withoutHeaderColumnsAreNumberedAndTheFirstRowIsData() throws Exception {
        Path file = write("plain.csv", "1,a\n2,b\n");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults().withHeader(false));
        assertThat(source.schema().toString()).isEqualTo("(column0 INT64, column1 STRING)");
        assertThat(CsvReads.readAll(source, allocator).rows())
                .isEqualTo(List.of(Arrays.asList(1L, "a"), Arrays.asList(2L, "b")));
    }

    @Test
    void emptyFileHasNoColumnsAndNoRows() throws Exception {
        Path file = write("empty.csv", "");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults());
        assertThat(source.schema().size()).isZero();
        assertThat(source.parts(io.datajax.io.ReadRequest.of(List.of())).parts()).isEmpty();
        assertThat(CsvReads.readAll(source, allocator).rows()).isEmpty();
    }

    @Test
    void emptyFileWithAnExplicitSchemaReadsZeroRows() throws Exception {
        Path file = write("empty.csv", "");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults().withSchema(io.datajax.ir.Schema.of(
                io.datajax.ir.Field.of("a", io.datajax.ir.DataType.INT64))));
        assertThat(CsvReads.readAll(source, allocator).rows()).isEmpty();
    }

    @Test
    void headerOnlyFileHasStringColumnsAndNoRows() throws Exception {
        Path file = write("header.csv", "a,b\n");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults());
        assertThat(source.schema().toString()).isEqualTo("(a STRING, b STRING)");
        CsvReads.Result result = CsvReads.readAll(source, allocator);
        assertThat(result.rows()).isEmpty();
        assertThat(result.batches()).isZero();
        Path noNewline = write("header2.csv", "a,b");
        assertThat(CsvReads.readAll(CsvSource.of(noNewline, CsvOptions.defaults()), allocator).rows()).isEmpty();
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\n', '1', ',', '2'});
        CsvSource source = CsvSource.of(file, CsvOptions.defaults());
        assertThat(source.schema().toString()).isEqualTo("(a INT64, b INT64)");
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(List.of(Arrays.asList(1L, 2L)));
    }

    @Test
    void quotedHeaderNamesAreUnquotedAndEmptyNamesNumbered() throws Exception {
        Path file = write("names.csv", "\"first, name\",,\"say \"\"x\"\"\"\n1,2,3\n");
        assertThat(CsvSource.of(file, CsvOptions.defaults()).schema().names())
                .containsExactly("first, name", "column1", "say \"x\"");
    }

    @Test
    void schemaOfADirectoryIsInferredFromItsFirstNonEmptyFile() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("a.csv"), "");
        Files.writeString(data.resolve("b.csv"), "id,name\n1,x\n");
        Files.writeString(data.resolve("c.csv"), "id,name\n2,y\n");
        CsvSource source = CsvSource.of(data, CsvOptions.defaults());
        assertThat(source.schema().toString()).isEqualTo("(id INT64, name STRING)");
        assertThat(CsvReads.readAll(source, allocator).rows())
                .isEqualTo(List.of(Arrays.asList(1L, "x"), Arrays.asList(2L, "y")));
    }
}
