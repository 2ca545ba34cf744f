package dev.l2o.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainDecimalTest {
    @Test
    void plainDecimalsReadToTheBitsOfParseDouble() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            // given
            String digits = Long.toString(random.nextLong() >>> (1 + random.nextInt(63)));
            int point = random.nextInt(digits.length() + 2) - 1;
            String text = (random.nextInt(5) == 0 ? "-" : random.nextInt(9) == 0 ? "+" : "")
                    + (point < 0 ? digits : digits.substring(0, Math.min(point, digits.length())) + "."
                            + digits.substring(Math.min(point, digits.length())));
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

            // when
            double read = PlainDecimal.parse(new AsciiSlice().of(bytes, 0, bytes.length));

            // then
            if (!Double.isNaN(read)) {
                assertThat(Double.doubleToRawLongBits(read)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            }
            assertThat(PlainDecimal.isPlain(new AsciiSlice().of(bytes, 0, bytes.length))).as(text).isEqualTo(!Double.isNaN(read));
            assertThat(Double.doubleToRawLongBits(PlainDecimal.parse(AsciiSlice.ofText(text)))).as("as text: " + text)
                    .isEqualTo(Double.doubleToRawLongBits(read));
        }
    }

    @Test
    void anythingButAnExactPlainDecimalIsLeftToParseDouble() {
        for (String text : List.of("", "-", ".", "1e5", "1.2.3", "0x10", "NaN", "1d", "12345678901234567890", "9007199254740993",
                "1,5", " 1")) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(PlainDecimal.parse(new AsciiSlice().of(bytes, 0, bytes.length))).as(text).isNaN();
            assertThat(PlainDecimal.parse(AsciiSlice.ofText(text))).as("as text: " + text).isNaN();
        }
        byte[] exact = "9007199254740992.5".getBytes(StandardCharsets.US_ASCII);
        assertThat(PlainDecimal.parse(new AsciiSlice().of(exact, 0, exact.length))).isNaN();
        byte[] small = "137629.37".getBytes(StandardCharsets.US_ASCII);
        assertThat(PlainDecimal.parse(new AsciiSlice().of(small, 0, small.length))).isEqualTo(137629.37);
        assertThat(PlainDecimal.parse(AsciiSlice.ofText("-0"))).isEqualTo(-0.0);
        assertThat(PlainDecimal.parse(AsciiSlice.ofText("\u0661"))).as("a digit outside ASCII").isNaN();
    }
}
