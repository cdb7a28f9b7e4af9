package sensorhub.influx.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sensorhub.influx.control.LineProtocol.Series;
import sensorhub.influx.control.LineProtocolTest.Collected;
import sensorhub.influx.control.LineProtocolTest.Point;
import sensorhub.testing.ParserContract;
import sensorhub.time.control.EpochMicros;

/**
 * Fuzzes the line-protocol reader two ways. Any bytes: it ends, throws nothing (a bad line is a refusal), numbers
 * its refusals in order and yields only finite values at times a reading may have. And a round trip: a point made
 * from the input (names of any characters but control characters, backslashes and quotes, which InfluxDB's own
 * escaping cannot carry either), written with line protocol's escapes, reads back as the same point.
 */
class LineProtocolFuzzTest {

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void read(byte[] input) throws Exception {
        Collected any = ParserContract.outcome(() -> LineProtocolTest.read(new ByteArrayInputStream(input),
                Precision.NANOSECONDS)).orElseThrow();
        any.points.forEach(p -> assertTrue(Double.isFinite(p.value()) && EpochMicros.inRange(p.micros()), p::toString));
        List<Integer> numbers = any.refused.stream().map(r -> Integer.parseInt(r.substring(0, r.indexOf(' '))))
                .toList();
        assertEquals(numbers.stream().sorted().distinct().toList(), numbers);

        if (input.length >= 2 * Long.BYTES) {
            ByteBuffer head = ByteBuffer.wrap(input);
            double value = head.getDouble();
            long micros = head.getLong();
            String[] names = new String(Arrays.copyOfRange(input, 2 * Long.BYTES, input.length),
                    StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\\\\"\\u0085\\u2028\\u2029]", "").split("\\|", -1);
            if (names.length >= 4 && Double.isFinite(value) && EpochMicros.inRange(micros)
                    && Arrays.stream(names).limit(4).noneMatch(String::isEmpty) && !names[0].startsWith("#")) {
                roundTrip(names[0], Map.of(names[1], names[2]), names[3], value, micros);
            }
        }
    }

    private static void roundTrip(String measurement, Map<String, String> tags, String field, double value,
            long micros) throws Exception {
        StringBuilder line = new StringBuilder(escape(measurement, ", "));
        tags.forEach((k, v) -> line.append(',').append(escape(k, ",= ")).append('=').append(escape(v, ",= ")));
        line.append(' ').append(escape(field, ",= ")).append('=').append(value).append(' ').append(micros);

        Collected read = ParserContract.outcome(() -> LineProtocolTest.read(line.toString(), Precision.MICROSECONDS))
                .orElseThrow();

        assertEquals(List.of(), read.refused, line::toString);
        assertEquals(List.of(new Point(new Series(measurement, new TreeMap<>(tags)), field, micros, value)),
                read.points, line::toString);
    }

    private static String escape(String text, String special) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> {
            if (special.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append((char) c);
        });
        return escaped.toString();
    }
}
