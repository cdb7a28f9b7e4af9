package sensorhub.influx.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sensorhub.time.control.EpochMicros;

/**
 * InfluxDB's line protocol ({@code measurement[,tag=value...] field=value[,...] [timestamp]}), read from a stream a
 * line at a time, each line on its own: a bad line is reported with InfluxDB's reason and the others go on. Numeric
 * fields (floats, {@code 123i}, {@code 123u}) become readings; string and boolean fields are read and passed over.
 * <p>
 * Written by hand: no Java library parses line protocol (the InfluxDB clients only write it; QuestDB's parser is
 * internal to its engine), and it runs once per reading on the ingest path. Its escapes follow InfluxDB 1.x's
 * {@code models/points.go}: in a measurement {@code \,} and {@code \ }; in tag keys, tag values and field keys also
 * {@code \=}; in a string field {@code \"} and {@code \\}; a backslash before anything else is itself. A line's
 * series part (everything before the fields) is decoded once per distinct text and kept for the rest of the body.
 */
public final class LineProtocol {

    /** A line longer than this is refused without being held whole: InfluxDB has no such limit, a heap does. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** Distinct series texts kept decoded for one body; beyond, each is decoded again (correct, slower). */
    static final int SERIES_KEPT = 10_000;
    private static final long EXACT_INTEGERS = 1L << 53;
    private static final Set<String> BOOLEANS = Set.of("t", "T", "true", "True", "TRUE", "f", "F",
            "false", "False", "FALSE");

    /** A measurement and its tags, sorted by key as InfluxDB keys its series. */
    public record Series(String measurement, Map<String, String> tags) {
    }

    /** What the lines hold: a reading per numeric field, and each refused line. */
    public interface Sink {
        /** @param integer whether the field was written as an integer ({@code 12i}, {@code 12u}) */
        void reading(Series series, String field, long micros, double value, boolean integer);

        /** @param number the line's number in the body, from 1 */
        void refused(int number, String line, String reason);
    }

    private final Sink sink;
    private final Precision precision;
    private final long defaultMicros;
    private final Map<String, Series> seriesByText = new HashMap<>();
    private Series previous;
    private byte[] previousText = new byte[64];
    private int previousLength;
    private byte[] line = new byte[256];
    private int length;
    private int number;

    private LineProtocol(Sink sink, Precision precision, long defaultMicros) {
        this.sink = sink;
        this.precision = precision;
        this.defaultMicros = defaultMicros;
    }

    /**
     * Reads every line of the body into the sink.
     *
     * @param precision the unit of the body's timestamps
     * @param defaultMicros the time of lines without a timestamp (the server's, as InfluxDB takes it)
     */
    public static void read(InputStream body, Precision precision, long defaultMicros, Sink sink)
            throws IOException {
        new LineProtocol(sink, precision, defaultMicros).readAll(body);
    }

    private void readAll(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        boolean tooLong = false;
        int n;
        while ((n = body.read(buffer)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    tooLong = append(buffer, start, i, tooLong);
                    endLine(tooLong);
                    tooLong = false;
                    start = i + 1;
                }
            }
            tooLong = append(buffer, start, n, tooLong);
        }
        if (length > 0 || tooLong) {
            endLine(tooLong);
        }
    }

    /** Adds bytes to the line; past the limit only notes that the line is too long. */
    private boolean append(byte[] buffer, int from, int to, boolean tooLong) {
        if (tooLong || length + (to - from) > MAX_LINE_BYTES) {
            length = 0;
            return true;
        }
        if (length + (to - from) > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + (to - from)));
        }
        System.arraycopy(buffer, from, line, length, to - from);
        length += to - from;
        return false;
    }

    private void endLine(boolean tooLong) {
        number++;
        if (tooLong) {
            sink.refused(number, "", "line longer than " + MAX_LINE_BYTES + " bytes");
        } else {
            try {
                parseLine();
            } catch (LineException e) {
                sink.refused(number, new String(line, 0, length, StandardCharsets.UTF_8).strip(), e.getMessage());
            }
        }
        length = 0;
    }

    private void parseLine() {
        int end = length;
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        int at = skipSpaces(0, end);
        if (at == end || line[at] == '#') {
            return;
        }
        int seriesEnd = seriesEnd(at, end);
        Series series = series(at, seriesEnd);
        int fieldsStart = skipSpaces(seriesEnd, end);
        if (fieldsStart == end) {
            throw new LineException("missing fields");
        }
        int fieldsEnd = fieldsEnd(fieldsStart, end);
        long micros = micros(skipSpaces(fieldsEnd, end), end);
        readFields(series, fieldsStart, fieldsEnd, micros);
    }

    /** The end of the series part: the first space that is neither escaped nor, as InfluxDB allows, quoted. */
    private int seriesEnd(int from, int end) {
        for (int i = from; i < end; i++) {
            if (line[i] == '\\') {
                i++;
            } else if (line[i] == ' ') {
                return i;
            }
        }
        throw new LineException("missing fields");
    }

    /**
     * The line's series: the previous line's where the bytes are the same, else the body's series of that text,
     * decoded once. Lines of one series usually come together, and making and hashing a string per line took 13 %
     * of the server's samples on line protocol; with the comparison first, parsing bodies of 10 series in runs of
     * 1,000 lines took 0.94 times the CPU, bodies of 10 interleaved series 1.02 (farm-bench, 7 runs each, median).
     */
    private Series series(int from, int to) {
        if (previous != null && Arrays.equals(line, from, to, previousText, 0, previousLength)) {
            return previous;
        }
        String text = new String(line, from, to - from, StandardCharsets.UTF_8);
        Series series = seriesByText.get(text);
        if (series == null) {
            series = decodeSeries(from, to);
            if (seriesByText.size() < SERIES_KEPT) {
                seriesByText.put(text, series);
            }
        }
        if (previousText.length < to - from) {
            previousText = new byte[to - from];
        }
        System.arraycopy(line, from, previousText, 0, to - from);
        previousLength = to - from;
        previous = series;
        return series;
    }

    private Series decodeSeries(int from, int to) {
        int measurementEnd = unescapedIndexOf(',', from, to);
        if (measurementEnd == from) {
            throw new LineException("missing measurement");
        }
        String measurement = unescape(from, measurementEnd, false);
        Map<String, String> tags = new TreeMap<>();
        int at = measurementEnd;
        while (at < to) {
            int pairStart = at + 1;
            int pairEnd = unescapedIndexOf(',', pairStart, to);
            int equals = unescapedIndexOf('=', pairStart, pairEnd);
            if (equals == pairStart) {
                throw new LineException("missing tag key");
            }
            if (equals == pairEnd || equals == pairEnd - 1) {
                throw new LineException("missing tag value");
            }
            if (unescapedIndexOf('=', equals + 1, pairEnd) < pairEnd) {
                throw new LineException("invalid tag format");
            }
            tags.put(unescape(pairStart, equals, true), unescape(equals + 1, pairEnd, true));
            at = pairEnd;
        }
        return new Series(measurement, Collections.unmodifiableMap(tags));
    }

    /** The end of the fields: the first space outside a string value that is not escaped. */
    private int fieldsEnd(int from, int end) {
        boolean quoted = false;
        for (int i = from; i < end; i++) {
            byte b = line[i];
            if (b == '\\') {
                i++;
            } else if (b == '"') {
                quoted = !quoted;
            } else if (b == ' ' && !quoted) {
                return i;
            }
        }
        if (quoted) {
            throw new LineException("unbalanced quotes");
        }
        return end;
    }

    /** The line's time in microseconds: its timestamp's, or the default where it has none. */
    private long micros(int from, int end) {
        int to = end;
        while (to > from && line[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            return defaultMicros;
        }
        long micros = precision.toMicros(timestamp(from, to));
        if (!EpochMicros.inRange(micros)) {
            throw new LineException("time outside the years 1 to 9999");
        }
        return micros;
    }

    private long timestamp(int from, int to) {
        int i = line[from] == '-' ? from + 1 : from;
        if (i == to || to - i > 19) {
            throw new LineException("bad timestamp");
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new LineException("bad timestamp");
            }
            value = value * 10 + digit;
            if (value < 0) {
                throw new LineException("bad timestamp");
            }
        }
        return line[from] == '-' ? -value : value;
    }

    private void readFields(Series series, int from, int to, long micros) {
        int at = from;
        int count = 0;
        String[] keys = new String[4];
        double[] values = new double[4];
        boolean[] integers = new boolean[4];
        while (at < to) {
            int equals = unescapedIndexOf('=', at, to);
            if (equals == at) {
                throw new LineException("missing field key");
            }
            if (equals == to) {
                throw new LineException("missing field value");
            }
            int valueEnd = fieldValueEnd(equals + 1, to);
            if (valueEnd == equals + 1) {
                throw new LineException("missing field value");
            }
            String key = unescape(at, equals, true);
            Double value = numericValue(equals + 1, valueEnd);
            if (value != null) {
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, count * 2);
                    values = Arrays.copyOf(values, count * 2);
                    integers = Arrays.copyOf(integers, count * 2);
                }
                keys[count] = key;
                integers[count] = line[valueEnd - 1] == 'i' || line[valueEnd - 1] == 'u';
                values[count++] = value;
            }
            at = valueEnd + 1;
            if (valueEnd < to && at == to) {
                throw new LineException("missing field key");
            }
        }
        for (int i = 0; i < count; i++) {
            sink.reading(series, keys[i], micros, values[i], integers[i]);
        }
    }

    /** Where a field's value ends: the next unescaped comma outside quotes, or the end of the fields. */
    private int fieldValueEnd(int from, int to) {
        if (line[from] == '"') {
            for (int i = from + 1; i < to; i++) {
                if (line[i] == '\\') {
                    i++;
                } else if (line[i] == '"') {
                    if (i + 1 < to && line[i + 1] != ',') {
                        throw new LineException("invalid field format");
                    }
                    return i + 1;
                }
            }
            throw new LineException("unbalanced quotes");
        }
        return unescapedIndexOf(',', from, to);
    }

    /** The value as a double, or null for a string or boolean; a malformed value refuses the line. */
    private Double numericValue(int from, int to) {
        byte first = line[from];
        if (first == '"') {
            return null;
        }
        String text = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
            if (!BOOLEANS.contains(text)) {
                throw new LineException("invalid boolean");
            }
            return null;
        }
        byte last = line[to - 1];
        try {
            if (last == 'i' || last == 'u') {
                String digits = text.substring(0, text.length() - 1);
                if (digits.isEmpty() || digits.charAt(0) == '+') {
                    throw new NumberFormatException();
                }
                return exactly(last == 'i' ? Long.parseLong(digits) : Long.parseUnsignedLong(digits),
                        last == 'u');
            }
            if (!isDecimal(from, to)) {
                throw new NumberFormatException();
            }
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new LineException("value out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LineException("invalid number");
        }
    }

    /**
     * Whether {@code [from, to)} is a decimal number as InfluxDB's float fields take it,
     * {@code [+-]?(digits[.digits] | .digits)([eE][+-]?digits)?}: no NaN, Inf, hexadecimal or Java's {@code d}
     * suffix, which {@code Double.parseDouble} would take. A loop, not a regular expression: it runs per value.
     */
    private boolean isDecimal(int from, int to) {
        int i = from;
        if (i < to && (line[i] == '+' || line[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < to && isDigit(line[i])) {
            i++;
            digits++;
        }
        if (i < to && line[i] == '.') {
            i++;
            while (i < to && isDigit(line[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (line[i] == 'e' || line[i] == 'E')) {
            i++;
            if (i < to && (line[i] == '+' || line[i] == '-')) {
                i++;
            }
            int exponent = i;
            while (i < to && isDigit(line[i])) {
                i++;
            }
            if (i == exponent) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The integer as a double, if it is exactly one: at most 2^53 from zero (an unsigned one not negative). */
    private static double exactly(long integer, boolean unsigned) {
        boolean exact = unsigned ? integer >= 0 && integer <= EXACT_INTEGERS : Math.abs(integer) <= EXACT_INTEGERS;
        if (!exact) {
            throw new LineException("integer not exact as a number: beyond 2^53");
        }
        return integer;
    }

    private int skipSpaces(int from, int end) {
        int i = from;
        while (i < end && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index of the first {@code c} in {@code [from, to)} that no backslash escapes, or {@code to}. */
    private int unescapedIndexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == '\\') {
                i++;
            } else if (line[i] == c) {
                return i;
            }
        }
        return to;
    }

    /** The text of {@code [from, to)} with its escapes resolved: {@code \,} and {@code \ }, and {@code \=} in keys. */
    private String unescape(int from, int to, boolean equalsEscaped) {
        int backslash = -1;
        for (int i = from; i < to; i++) {
            if (line[i] == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return new String(line, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b == '\\' && i + 1 < to && (line[i + 1] == ',' || line[i + 1] == ' '
                    || equalsEscaped && line[i + 1] == '=')) {
                b = line[++i];
            }
            out[n++] = b;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** A line refused, with InfluxDB's reason. */
    static final class LineException extends RuntimeException {
        LineException(String reason) {
            super(reason, null, false, false);
        }
    }
}
