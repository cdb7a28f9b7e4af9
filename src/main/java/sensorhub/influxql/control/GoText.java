package sensorhub.influxql.control;

import java.math.BigDecimal;
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
        BigDecimal exact = new BigDecimal(Double.toString(value));
        if (abs >= 1e-6 && abs < 1e21) {
            return exact.stripTrailingZeros().toPlainString();
        }
        BigDecimal digits = exact.stripTrailingZeros();
        String unscaled = digits.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - digits.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        String sign = exponent < 0 ? "-" : "+";
        int magnitude = Math.abs(exponent);
        return (value < 0 ? "-" : "") + mantissa + "e" + sign + (magnitude < 10 && exponent >= 0 ? "0" : "")
                + magnitude;
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
