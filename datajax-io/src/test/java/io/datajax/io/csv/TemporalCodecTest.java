package io.datajax.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemporalCodecTest {
    private final TemporalCodec iso = new TemporalCodec(CsvOptions.defaults());

    private static long micros(LocalDateTime time) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), time);
    }

    private boolean timestamp(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return iso.parseTimestamp(bytes, 0, bytes.length);
    }

    private boolean date(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return iso.parseDate(bytes, 0, bytes.length);
    }

    @Test
    void isoTimestampsAcceptTOrSpaceOptionalSecondsAndUpToSixFractionDigits() {
        assertThat(timestamp("2024-05-31T10:15:30")).isTrue();
        assertThat(iso.value).isEqualTo(micros(LocalDateTime.of(2024, 5, 31, 10, 15, 30)));
        assertThat(timestamp("2024-05-31 10:15")).isTrue();
        assertThat(iso.value).isEqualTo(micros(LocalDateTime.of(2024, 5, 31, 10, 15)));
        assertThat(timestamp("2024-05-31 10:15:30.5")).isTrue();
        assertThat(iso.value).isEqualTo(micros(LocalDateTime.of(2024, 5, 31, 10, 15, 30, 500_000_000)));
        assertThat(timestamp("1969-12-31T23:59:59.999999")).isTrue();
        assertThat(iso.value).isEqualTo(-1);
        assertThat(timestamp("+12000-01-01T00:00:00")).isTrue();
        assertThat(iso.value).isEqualTo(micros(LocalDateTime.of(12_000, 1, 1, 0, 0)));
        for (String bad : List.of("2024-05-31T10:15:30.1234567", "2024-05-31T24:00:00", "2024-02-30T00:00:00",
                "2024-05-31T10:15:3", "2024-05-31", "2024-05-31T10:15:30Z", "2024-05-31X10:15:30", "")) {
            assertThat(timestamp(bad)).as(bad).isFalse();
        }
    }

    @Test
    void isoDatesAreCheckedAgainstTheCalendar() {
        assertThat(date("2024-02-29")).isTrue();
        assertThat(iso.value).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(date("-0044-03-15")).isTrue();
        assertThat(iso.value).isEqualTo(LocalDate.of(-44, 3, 15).toEpochDay());
        for (String bad : List.of("2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "20240101", "2024/01/01",
                "abcd-ef-gh", "")) {
            assertThat(date(bad)).as(bad).isFalse();
        }
    }

    @Test
    void formattedValuesMatchJavaTimeAndParseBack() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            long days = random.nextInt(2_000_000) - 719_528;
            long micros = days * 86_400_000_000L + (long) (random.nextDouble() * 86_400_000_000L);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            CsvOutput out = new CsvOutput(stream);
            iso.formatDate(days, out);
            out.append((byte) ',');
            iso.formatTimestamp(micros, out);
            out.flush();
            String[] texts = stream.toString(StandardCharsets.US_ASCII).split(",");
            assertThat(texts[0]).isEqualTo(LocalDate.ofEpochDay(days).toString());
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
            assertThat(LocalDateTime.parse(texts[1])).isEqualTo(time);
            assertThat(date(texts[0])).isTrue();
            assertThat(iso.value).isEqualTo(days);
            assertThat(timestamp(texts[1])).isTrue();
            assertThat(iso.value).isEqualTo(micros);
        }
    }
}
