package sensorhub.json.control;

import java.nio.charset.StandardCharsets;

/**
 * The double nearest to the decimal text of a JSON number, exactly what {@code Double.parseDouble} gives for
 * the same text, without making a String of it for the usual short readings ({@code 21.374}, {@code -3},
 * {@code 1.5e3}). Up to 15 significant digits, the digits are an exact {@code long} below 2<sup>53</sup>, and
 * a power of ten up to 10<sup>22</sup> is an exact double, so one multiplication or division of the two is
 * correctly rounded by IEEE 754 (Clinger's fast path); any other text goes to {@code Double.parseDouble}.
 * Held to {@code Double.parseDouble} by {@code JsonDecimalTest}.
 */
public final class JsonDecimal {

    private static final int MAX_EXACT_DIGITS = 15;
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
            1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final int MAX_EXACT_POWER = EXACT_POWERS_OF_TEN.length - 1;
    /** More exponent digits than this leave the fast path long before they could overflow an int. */
    private static final int MAX_EXPONENT_DIGITS = 4;

    private JsonDecimal() {
    }

    /**
     * The value of the number written in {@code text[from, to)}, which the tokenizer has checked to be a JSON
     * number ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}); infinite where it is beyond a double.
     */
    public static double parse(byte[] text, int from, int to) {
        int at = from;
        boolean negative = text[at] == '-';
        if (negative) {
            at++;
        }
        long digits = 0;
        int significant = 0;
        int scale = 0;
        boolean fraction = false;
        for (; at < to; at++) {
            int c = text[at];
            if (c == '.') {
                fraction = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            if (digits != 0 || c != '0') {
                if (++significant > MAX_EXACT_DIGITS) {
                    return slow(text, from, to);
                }
                digits = digits * 10 + (c - '0');
            }
            if (fraction) {
                scale--;
            }
        }
        int exponent = at < to ? exponent(text, at + 1, to) : 0;
        if (exponent == Integer.MIN_VALUE) {
            return slow(text, from, to);
        }
        double value = digits == 0 ? 0 : exact(digits, scale + exponent);
        if (Double.isNaN(value)) {
            return slow(text, from, to);
        }
        return negative ? -value : value;
    }

    /** The exponent after {@code e}, or {@code Integer.MIN_VALUE} where it has too many digits. */
    private static int exponent(byte[] text, int from, int to) {
        boolean negative = text[from] == '-';
        int at = text[from] == '-' || text[from] == '+' ? from + 1 : from;
        if (to - at > MAX_EXPONENT_DIGITS) {
            return Integer.MIN_VALUE;
        }
        int exponent = 0;
        for (; at < to; at++) {
            exponent = exponent * 10 + (text[at] - '0');
        }
        return negative ? -exponent : exponent;
    }

    /** {@code digits} &times; 10<sup>power</sup> where both are exact doubles, else NaN. */
    private static double exact(long digits, int power) {
        if (power >= 0 && power <= MAX_EXACT_POWER) {
            return digits * EXACT_POWERS_OF_TEN[power];
        }
        if (power < 0 && power >= -MAX_EXACT_POWER) {
            return digits / EXACT_POWERS_OF_TEN[-power];
        }
        return Double.NaN;
    }

    private static double slow(byte[] text, int from, int to) {
        return Double.parseDouble(new String(text, from, to - from, StandardCharsets.ISO_8859_1));
    }
}
