package sensorhub.json.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds {@link JsonDecimal} to {@code Double.parseDouble}: the same bits for every JSON number, on the fast
 * path (up to 15 significant digits, powers of ten up to 22) and off it, with extra weight on the edges of the
 * fast path and on decimals halfway between two doubles. Random texts follow from the seed in the message.
 */
class JsonDecimalTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.0", "-0.0e-0", "0e99999", "7", "-12", "21.374", "0.1", "0.30000000000000004",
            "9007199254740993", "9007199254740992", "123456789012345", "1234567890123456",
            "999999999999999e22", "999999999999999e-22", "123456789012345e-22", "1e22", "1e23", "1e-22", "1e-23",
            "8.41e21", "4.35e-21",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e999",
            "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2e-324", "1e-400",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "0.000000000000000000000001",
            "100000000000000000000000",
            "1e0000000000005", "1E+5", "1e-5", "12.5E-3", "0.000123e-2",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.000000000000000111022302462515654042363166809082031251"})
    void readsAsParseDoubleDoes(String text) {
        assertSame(text);
    }

    @Test
    void readsLongDigitStringsAsParseDoubleDoes() {
        assertSame("1" + "0".repeat(400));
        assertSame("0." + "0".repeat(400) + "1");
        assertSame("9".repeat(800) + "e-800");
        BigDecimal halfTheSmallest = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2));
        assertSame(halfTheSmallest.toString());
        assertSame(halfTheSmallest.add(BigDecimal.ONE.movePointLeft(1100)).toString());
    }

    @Test
    void readsRandomShortDecimalsAsParseDoubleDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + random.nextInt(17);
            int point = random.nextInt(digits + 1);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            String number = digits(random, digits);
            text.append(point == 0 ? "0" : number.substring(0, point));
            if (point < digits) {
                text.append('.').append(number.substring(point));
            }
            if (random.nextInt(3) == 0) {
                text.append(random.nextBoolean() ? 'e' : 'E')
                        .append(random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "")
                        .append(random.nextInt(random.nextBoolean() ? 30 : 330));
            }
            assertSame(text.toString());
        }
    }

    @Test
    void readsDecimalsNearHalfwayBetweenTwoDoublesAsParseDoubleDoes() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 50_000; i++) {
            double d = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL)
                    : random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
            BigDecimal halfway = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            for (int precision : new int[] {15, 16, 17, 18, 25}) {
                assertSame(halfway.round(new java.math.MathContext(precision)).toString());
            }
            assertSame(halfway.toString());
            assertSame(Double.toString(d));
        }
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static void assertSame(String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
        double parsed = JsonDecimal.parse(bytes, 1, bytes.length - 1);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(parsed), text);
    }
}
