package io.datajax.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.plan.PlanCodec;
import io.datajax.ir.plan.PlanNode;
import io.datajax.ir.plan.SourceScan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceCodecTest {
    @TempDir
    Path dir;

    @Test
    void sourceScanOverCsvSourceRoundTripsThroughPlanCodec() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "a;b\n1;x\n");
        CsvOptions options = CsvOptions.defaults().withDelimiter(';').withNullTokens("NA", "")
                .withOnMalformed(MalformedRowPolicy.REJECT).withPartBytes(1024)
                .withSchema(Schema.of(Field.of("a", DataType.INT32), Field.of("b", DataType.STRING)));
        SourceScan scan = SourceScan.of(CsvSource.of(file, options), anySharding());
        PlanNode decoded = PlanCodec.decode(PlanCodec.encode(scan));
        assertThat(decoded).isEqualTo(scan);
        SourceScan inferred = SourceScan.of(CsvSource.of(file, CsvOptions.defaults().withDelimiter(';')),
                anySharding());
        assertThat(PlanCodec.decode(PlanCodec.encode(inferred))).isEqualTo(inferred);
    }

    @Test
    void describeIsThePathAndTheOptionsThatDifferFromTheDefaults() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "a\n1\n");
        assertThat(CsvSource.of(file, CsvOptions.defaults()).describe()).isEqualTo("csv(" + file + ")");
        assertThat(CsvSource.of(file, CsvOptions.defaults().withDelimiter('\t').withNullTokens("NA")
                .withOnMalformed(MalformedRowPolicy.REJECT)).describe())
                .isEqualTo("csv(" + file + ", delimiter='\\t', nulls=[NA], onMalformed=REJECT)");
        assertThat(CsvSink.of(dir.resolve("out"), CsvOptions.defaults()).overwriting().describe())
                .isEqualTo("csv(" + dir.resolve("out") + ", overwrite)");
    }

    private static Sharding anySharding() {
        return Sharding.blocks();
    }
}
