package io.datajax.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberParserTest {
    private final NumberParser parser = new NumberParser();

    private boolean parseDouble(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return parser.parseDouble(bytes, 0, bytes.length);
    }

    private void assertSameAsJdk(String text) {
        assertThat(parseDouble(text)).as(text).isTrue();
        assertThat(Double.doubleToRawLongBits(parser.doubleValue)).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void doublesRoundLikeTheJdkOnHardCases() {
        for (String text : List.of("0", "-0", "-0.0", "1", "1.5", "0.1", "0.3", ".5", "5.", "1e23", "8.41e21",
                "2.2250738585072011e-308", "2.2250738585072012e-308", "1.7976931348623157e308", "1.7976931348623159e308",
                "4.9e-324", "2.4703282292062327e-324", "9007199254740993", "9007199254740992.5", "1e-400",
                "123456789012345678901234567890", "0.000000000000000000000000000001234", "1E+10", "-3.5e-5",
                "7.3177701707893310e+15", "4.35679e-245", "1.0000000000000002", "0.12345678901234568",
                "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "000000000000000000000000000000000")) {
            assertSameAsJdk(text);
        }
    }

    @Test
    void doublesRoundLikeTheJdkOnRandomInputs() {
        Random random = new Random(11);
        for (int i = 0; i < 150_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                assertSameAsJdk(Double.toString(value));
            }
            assertSameAsJdk(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
            StringBuilder digits = new StringBuilder();
            int count = 1 + random.nextInt(19);
            for (int d = 0; d < count; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            int point = random.nextInt(count + 1);
            digits.insert(point, '.');
            if (random.nextBoolean()) {
                digits.append('e').append(random.nextInt(660) - 340);
            }
            assertSameAsJdk(digits.toString());
        }
    }

    @Test
    void specialValuesAndSyntaxErrors() {
        assertThat(parseDouble("NaN")).isTrue();
        assertThat(parser.doubleValue).isNaN();
        assertThat(parseDouble("-Infinity")).isTrue();
        assertThat(parser.doubleValue).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parseDouble("inf")).isTrue();
        assertThat(parser.doubleValue).isEqualTo(Double.POSITIVE_INFINITY);
        for (String bad : List.of("", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10", "1d", "abc",
                "--1", "Infinit")) {
            assertThat(parseDouble(bad)).as(bad).isFalse();
        }
    }

    @Test
    void integersAreRangeChecked() {
        byte[] max = "9223372036854775807".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parseLong(max, 0, max.length)).isTrue();
        assertThat(parser.longValue).isEqualTo(Long.MAX_VALUE);
        byte[] min = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parseLong(min, 0, min.length)).isTrue();
        assertThat(parser.longValue).isEqualTo(Long.MIN_VALUE);
        for (String bad : List.of("9223372036854775808", "-9223372036854775809", "", "-", "+", "1.0", "1e3", "12a")) {
            byte[] bytes = bad.getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parseLong(bytes, 0, bytes.length)).as(bad).isFalse();
        }
        byte[] plus = "+2147483647".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parseInt(plus, 0, plus.length)).isTrue();
        assertThat(parser.longValue).isEqualTo(Integer.MAX_VALUE);
        byte[] over = "2147483648".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parseInt(over, 0, over.length)).isFalse();
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            byte[] bytes = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parseLong(bytes, 0, bytes.length)).isTrue();
            assertThat(parser.longValue).isEqualTo(value);
        }
    }
}
