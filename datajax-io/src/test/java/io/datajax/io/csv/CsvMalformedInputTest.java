package io.datajax.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.io.Reject;
import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.DataJaxException;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
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

class CsvMalformedInputTest {
    private static final Schema ID_PRICE = Schema.of(Field.of("id", DataType.INT32), Field.of("price",
            DataType.FLOAT64), Field.of("day", DataType.DATE));

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

    private CsvSource source(String text, CsvOptions options) throws Exception {
        return CsvSource.of(write("bad.csv", text), options.withSchema(ID_PRICE));
    }

    @Test
    void unparsableValueNamesFileLineColumnValueAndFix() throws Exception {
        CsvSource source = source("id,price,day\n1,2.5,2024-01-01\n2,cheap,2024-01-02\n", CsvOptions.defaults());
        assertThatThrownBy(() -> CsvReads.readAll(source, allocator))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("bad.csv line 3, column 'price' (FLOAT64): 'cheap' is not a valid FLOAT64:"
                        + " expected a number")
                .hasMessageContaining("declare column 'price' as STRING")
                .hasMessageContaining("MalformedRowPolicy.REJECT");
    }

    @Test
    void lineNumbersCountFromTheFileStartInLaterParts() throws Exception {
        StringBuilder text = new StringBuilder("id,price,day\n");
        for (int i = 0; i < 100; i++) {
            text.append(i).append(",1.0,2024-01-01\n");
        }
        text.append("100,1.0,2024-02-30\n");
        CsvSource source = CsvSource.of(write("late.csv", text.toString()),
                CsvOptions.defaults().withSchema(ID_PRICE).withPartBytes(64));
        assertThatThrownBy(() -> CsvReads.readAll(source, allocator))
                .hasMessageContaining("late.csv line 102, column 'day' (DATE): '2024-02-30' is not a valid DATE:"
                        + " expected a date like 2024-05-31 (dateFormat yyyy-MM-dd)");
    }

    @Test
    void integerOutOfRangeSuggestsAWiderType() throws Exception {
        CsvSource source = source("id,price,day\n2147483648,1,2024-01-01\n", CsvOptions.defaults());
        assertThatThrownBy(() -> CsvReads.readAll(source, allocator))
                .hasMessageContaining("line 2, column 'id' (INT32): '2147483648' is out of range for INT32")
                .hasMessageContaining("Declare column 'id' as INT64");
        Path file = write("long.csv", "n\n9223372036854775808\n");
        CsvSource longs = CsvSource.of(file, CsvOptions.defaults().withSchema(Schema.of(Field.of("n",
                DataType.INT64))));
        assertThatThrownBy(() -> CsvReads.readAll(longs, allocator))
                .hasMessageContaining("'9223372036854775808' is out of range for INT64");
    }

    @Test
    void wrongFieldCountNamesTheLineAndTheExpectedColumns() throws Exception {
        CsvSource source = source("id,price,day\n1,2.5,2024-01-01\n2,3.5\n", CsvOptions.defaults());
        assertThatThrownBy(() -> CsvReads.readAll(source, allocator))
                .hasMessageContaining("bad.csv line 3: the row has 2 fields, expected 3 ([id, price, day]);"
                        + " the row starts '2,3.5'");
    }

    @Test
    void unterminatedQuoteIsMalformed() throws Exception {
        CsvSource source = source("id,price,day\n1,2.5,\"2024-01-01\n2,3.5,2024-01-01\n", CsvOptions.defaults());
        assertThatThrownBy(() -> CsvReads.readAll(source, allocator))
                .hasMessageContaining("line 2: a quoted field starting in column 'day' is not closed");
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws Exception {
        CsvSource source = source("id,price,day\n1,\"2.5\"x,2024-01-01\n", CsvOptions.defaults());
        assertThatThrownBy(() -> CsvReads.readAll(source, allocator))
                .hasMessageContaining("line 2: the closing \" of column 'price' is followed by text");
    }

    @Test
    void longValuesAreShortenedInErrors() throws Exception {
        String value = "x".repeat(500);
        CsvSource source = source("id,price,day\n1," + value + ",2024-01-01\n", CsvOptions.defaults());
        assertThatThrownBy(() -> CsvReads.readAll(source, allocator))
                .hasMessageContaining("'" + "x".repeat(97) + "...'")
                .hasMessageNotContaining("x".repeat(101));
    }

    @Test
    void rejectPolicyKeepsGoodRowsAndRecordsEachBadOne() throws Exception {
        CsvSource source = source("id,price,day\n1,2.5,2024-01-01\n2,cheap,2024-01-02\n3\n4,4.5,2024-01-04\n"
                + "99999999999,1,2024-01-05\n6,6.5,\n", CsvOptions.defaults().withOnMalformed(MalformedRowPolicy.REJECT));
        CsvReads.Result result = CsvReads.readAll(source, allocator);
        assertThat(result.rows()).isEqualTo(List.of(Arrays.asList(1, 2.5, 19723), Arrays.asList(4, 4.5, 19726),
                Arrays.asList(6, 6.5, null)));
        assertThat(result.stats().rows()).isEqualTo(3);
        assertThat(result.stats().rejects()).extracting(Reject::line).containsExactly(3L, 4L, 6L);
        assertThat(result.stats().rejects()).extracting(Reject::column).containsExactly("price", "", "id");
        assertThat(result.stats().rejects()).extracting(Reject::value)
                .containsExactly("cheap", "3", "99999999999");
        assertThat(result.stats().rejects().get(1).reason()).isEqualTo("the row has 1 field, expected 3 ([id,"
                + " price, day])");
        assertThat(result.stats().rejects().get(0).file()).endsWith("bad.csv");
    }

    @Test
    void directoryFilesWithAnotherHeaderAreNamedWithTheDifference() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("a.csv"), "id,price\n1,2\n");
        Files.writeString(data.resolve("b.csv"), "id,cost\n1,2\n");
        assertThatThrownBy(() -> CsvSource.of(data, CsvOptions.defaults()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("CSV file " + data.resolve("b.csv") + " has header [id, cost], but the"
                        + " source's columns are [id, price] (inferred from " + data.resolve("a.csv") + "): column 2"
                        + " is 'cost', expected 'price'");
        Files.writeString(data.resolve("b.csv"), "id,price,extra\n1,2,3\n");
        assertThatThrownBy(() -> CsvSource.of(data, CsvOptions.defaults()))
                .hasMessageContaining("it has 3 columns, expected 2");
    }

    @Test
    void directoryReadsItsCsvFilesInNameOrder() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("b.csv"), "id\n2\n");
        Files.writeString(data.resolve("a.csv"), "id\n1\n");
        Files.writeString(data.resolve("_manifest.json"), "{}");
        Files.writeString(data.resolve("notes.txt"), "x");
        CsvSource source = CsvSource.of(data, CsvOptions.defaults());
        assertThat(source.files()).containsExactly(data.resolve("a.csv").toString(), data.resolve("b.csv").toString());
        assertThat(CsvReads.readAll(source, allocator).rows()).isEqualTo(List.of(List.of(1L), List.of(2L)));
    }

    @Test
    void directoryWithoutCsvFilesListsWhatItHolds() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> CsvSource.of(data, CsvOptions.defaults()))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("holds no .csv files")
                .hasMessageContaining("[notes.txt]");
    }

    @Test
    void missingPathAndVanishedFileAreIoErrorsNamingThem() throws Exception {
        assertThatThrownBy(() -> CsvSource.of(dir.resolve("nope.csv"), CsvOptions.defaults()))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("nope.csv does not exist");
        Path file = write("gone.csv", "a\n1\n");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults());
        var parts = source.parts(io.datajax.io.ReadRequest.of(List.of("a"))).parts();
        Files.delete(file);
        assertThatThrownBy(() -> source.read(parts.get(0), io.datajax.io.ReadRequest.of(List.of("a")), allocator,
                batch -> { }))
                .isInstanceOf(ResourceException.class)
                .satisfies(e -> assertThat(((DataJaxException) e).code()).isEqualTo(ErrorCode.IO_FAILED))
                .hasMessageContaining("Could not read CSV file " + file);
    }

    @Test
    void failureInTheConsumerReleasesTheBatch() throws Exception {
        Path file = write("ok.csv", "a,b\n1,x\n");
        CsvSource source = CsvSource.of(file, CsvOptions.defaults());
        var request = io.datajax.io.ReadRequest.of(List.of("a", "b"));
        var part = source.parts(request).parts().get(0);
        assertThatThrownBy(() -> source.read(part, request, allocator, batch -> {
            throw new IllegalStateException("consumer failed");
        })).hasMessage("consumer failed");
    }

    @Test
    void requestForAnUnknownColumnSuggestsTheNearestOne() throws Exception {
        CsvSource source = source("id,price,day\n1,2.5,2024-01-01\n", CsvOptions.defaults());
        var request = io.datajax.io.ReadRequest.of(List.of("prize"));
        var part = source.parts(request).parts().get(0);
        assertThatThrownBy(() -> source.read(part, request, allocator, batch -> { }))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("prize")
                .hasMessageContaining("Did you mean 'price'?");
    }

    @Test
    void invalidOptionsAreConfigurationErrors() {
        assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"'))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("delimiter and quote are both '\"'");
        assertThatThrownBy(() -> CsvOptions.defaults().withNullTokens("a,b"))
                .hasMessageContaining("null token 'a,b' contains the delimiter");
        assertThatThrownBy(() -> CsvOptions.defaults().withDateFormat("yyyy-MM-dd-Q-{"))
                .hasMessageContaining("dateFormat 'yyyy-MM-dd-Q-{' is not a valid java.time pattern");
        assertThatThrownBy(() -> CsvOptions.defaults().withSchema(Schema.of(Field.of("n", DataType.NULL))))
                .hasMessageContaining("column 'n' has type NULL");
        assertThatThrownBy(() -> CsvOptions.defaults().withPartBytes(0))
                .hasMessageContaining("partBytes must be positive");
    }
}
