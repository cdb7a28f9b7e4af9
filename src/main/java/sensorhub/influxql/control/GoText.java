package sensorhub.influxql.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Numbers and times written as InfluxDB writes them, it being a Go program: a float as Go's encoding/json does
 * ({@code 21}, not {@code 21.0}; {@code 1e+21} and {@code 1e-7} outside {@code [1e-6, 1e21)}), a time as Go's
 * RFC 3339 with nanoseconds, trailing zeros cut ({@code 2026-04-20T08:00:00Z}, {@code ...:00.5+02:00}).
 */
public final class GoText {

    private GoText() {
    }

    public static String number(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        double abs = Math.abs(value);
        BigDecimal digits = shortest(value);
        if (abs >= 1e-6 && abs < 1e21) {
            return digits.toPlainString();
        }
        String unscaled = digits.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - digits.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        String sign = exponent < 0 ? "-" : "+";
        int magnitude = Math.abs(exponent);
        return (value < 0 ? "-" : "") + mantissa + "e" + sign + (magnitude < 10 && exponent >= 0 ? "0" : "")
                + magnitude;
    }

    /** The value in Go's CSV: every digit written out, never an exponent ({@code strconv 'f', -1}). */
    public static String plainNumber(double value) {
        return value == 0 ? (1 / value < 0 ? "-0" : "0") : shortest(value).toPlainString();
    }

    /**
     * The fewest significant digits that read back as the value, the closest such decimal: Go's shortest form.
     * {@code Double.toString} gives it on Java 19 and later; Java 17's (the Dockerfile's) may give a digit more
     * (1e23 as 9.999999999999999E22). So fewer digits are tried: at each length the decimals just below and above
     * the value, the closer of those that read back; where neither does, no shorter one can.
     */
    static BigDecimal shortest(double value) {
        BigDecimal digits = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        BigDecimal exact = new BigDecimal(value);
        for (int precision = digits.precision() - 1; precision > 0; precision--) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
            boolean downReads = down.doubleValue() == value;
            boolean upReads = up.doubleValue() == value;
            if (!downReads && !upReads) {
                break;
            }
            digits = (downReads && (!upReads || exact.subtract(down).abs().compareTo(up.subtract(exact).abs()) <= 0)
                    ? down : up).stripTrailingZeros();
        }
        return digits;
    }

    /** The instant, given in nanoseconds, in Go's {@code RFC3339Nano}, in the zone if one is given, else UTC. */
    public static String time(long nanos, Optional<ZoneId> zone) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos,
                1_000_000_000L));
        ZonedDateTime at = instant.atZone(zone.orElse(ZoneOffset.UTC));
        StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", at.getYear(),
                at.getMonthValue(), at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond()));
        if (at.getNano() != 0) {
            String fraction = String.format("%09d", at.getNano());
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        int offset = at.getOffset().getTotalSeconds();
        if (offset == 0) {
            return text.append('Z').toString();
        }
        return text.append(String.format("%s%02d:%02d", offset < 0 ? "-" : "+", Math.abs(offset) / 3600,
                Math.abs(offset) / 60 % 60)).toString();
    }
}
