package sensorhub.influx.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sensorhub.influx.control.LineProtocol.Series;

class LineProtocolTest {

    private static final long NOW = 1_764_806_400_000_000L;

    record Point(Series series, String field, long micros, double value) {
    }

    static final class Collected implements LineProtocol.Sink {
        final List<Point> points = new ArrayList<>();
        final List<String> refused = new ArrayList<>();

        @Override
        public void reading(Series series, String field, long micros, double value, boolean integer) {
            points.add(new Point(series, field, micros, value));
        }

        @Override
        public void refused(int number, String line, String reason) {
            refused.add(number + " " + reason);
        }
    }

    static Collected read(String body, Precision precision) throws IOException {
        return read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), precision);
    }

    static Collected read(InputStream body, Precision precision) throws IOException {
        Collected collected = new Collected();
        LineProtocol.read(body, precision, NOW, collected);
        return collected;
    }

    @Test
    void readsMeasurementTagsFieldsAndTimestamp() throws IOException {
        Collected c = read("weather,location=us-midwest,season=summer temperature=82,humidity=71i "
                + "1465839830100400200\n", Precision.NANOSECONDS);

        assertEquals(List.of(), c.refused);
        Series series = new Series("weather", Map.of("location", "us-midwest", "season", "summer"));
        assertEquals(List.of(new Point(series, "temperature", 1465839830100400L, 82),
                new Point(series, "humidity", 1465839830100400L, 71)), c.points);
    }

    @Test
    void sortsTagsByKeyAndDecodesEachSeriesOnce() throws IOException {
        Collected c = read("m,b=2,a=1 v=1 1\nm,b=2,a=1 v=2 2\n", Precision.SECONDS);

        assertEquals(List.of("a", "b"), List.copyOf(c.points.get(0).series().tags().keySet()));
        assertSame(c.points.get(0).series(), c.points.get(1).series());
        assertEquals(2_000_000, c.points.get(1).micros());
    }

    @Test
    void resolvesEachContextsEscapes() throws IOException {
        Collected c = read("my\\ weather\\,now,tag\\ key\\,x\\=y=a\\ b\\,c\\=d "
                + "field\\ k\\=e=1,s=\"say \\\"hi\\\", x=1\" 5\n", Precision.NANOSECONDS);

        assertEquals(List.of(), c.refused);
        Point point = c.points.get(0);
        assertEquals("my weather,now", point.series().measurement());
        assertEquals(Map.of("tag key,x=y", "a b,c=d"), point.series().tags());
        assertEquals("field k=e", point.field());
        assertEquals(1, c.points.size(), "a string field is read and passed over");
    }

    @Test
    void takesEveryNumberFormAndPassesOverStringsAndBooleans() throws IOException {
        Collected c = read("m a=-1.5e3,b=+.5,c=-7i,d=42u,e=9007199254740992i,f=t,g=FALSE,h=\"x\" 0\n"
                + "m v=18446744073709551615u 0", Precision.NANOSECONDS);

        assertEquals(List.of("2 integer not exact as a number: beyond 2^53"), c.refused);
        assertEquals(List.of(-1500.0, 0.5, -7.0, 42.0, 0x1p53), c.points.stream().map(Point::value).toList());
    }

    @Test
    void linesWithoutTimestampTakeTheServersTime() throws IOException {
        assertEquals(NOW, read("m v=1", Precision.SECONDS).points.get(0).micros());
    }

    @Test
    void skipsCommentsBlankLinesAndCarriageReturns() throws IOException {
        Collected c = read("# a comment\n\n   \nm v=1 1\r\nm v=2 2\r\n", Precision.MICROSECONDS);

        assertEquals(List.of(), c.refused);
        assertEquals(List.of(1L, 2L), c.points.stream().map(Point::micros).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "m                       | missing fields",
        "m,t=1                   | missing fields",
        ",t=1 v=1                | missing measurement",
        "m,=1 v=1                | missing tag key",
        "m,t= v=1                | missing tag value",
        "m,t v=1                 | missing tag value",
        "m,t=a=b v=1             | invalid tag format",
        "m =1                    | missing field key",
        "m v=                    | missing field value",
        "m v                     | missing field value",
        "m v=1,                  | missing field key",
        "m v=\"abc               | unbalanced quotes",
        "m v=1x                  | invalid number",
        "m v=NaN                 | invalid number",
        "m v=Inf                 | invalid number",
        "m v=0x10                | invalid number",
        "m v=1d                  | invalid number",
        "m v=1e999               | value out of range",
        "m v=tru                 | invalid boolean",
        "m v=9007199254740993i   | integer not exact as a number: beyond 2^53",
        "m v=99999999999999999999i | invalid number",
        "m v=-1u                 | invalid number",
        "m v=1 12a               | bad timestamp",
        "m v=1 1 2               | bad timestamp",
        "m v=1 99999999999999999999 | bad timestamp",
    })
    void refusesABadLineWithInfluxDbsReasonAndKeepsTheOthers(String line, String reason) throws IOException {
        Collected c = read("m v=1 1\n" + line.strip() + "\nm v=3 3\n", Precision.NANOSECONDS);

        assertEquals(List.of("2 " + reason), c.refused);
        assertEquals(2, c.points.size());
    }

    @Test
    void refusesTimesBeyondWhatAReadingMayHave() throws IOException {
        Collected c = read("m v=1 253402300800\nm v=1 -62135596801\nm v=1 253402300799\n", Precision.SECONDS);

        assertEquals(List.of("1 time outside the years 1 to 9999", "2 time outside the years 1 to 9999"), c.refused);
        assertEquals(1, c.points.size());
        assertEquals(List.of("1 time outside the years 1 to 9999"),
                read("m v=1 9223372036854775807\n", Precision.HOURS).refused);
    }

    @Test
    void refusesALineOverTheLimitWithoutHoldingIt() throws IOException {
        String longLine = "m v=\"" + "x".repeat(LineProtocol.MAX_LINE_BYTES) + "\" 1";
        Collected c = read("m v=1 1\n" + longLine + "\nm v=2 2", Precision.NANOSECONDS);

        assertEquals(List.of("2 line longer than " + LineProtocol.MAX_LINE_BYTES + " bytes"), c.refused);
        assertEquals(2, c.points.size());
    }

    @Test
    void readsLinesSplitAcrossTheReadBuffer() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            body.append("cpu,host=h").append(i % 7).append(" usage=").append(i).append(' ').append(i).append('\n');
        }
        Collected c = read(body.toString(), Precision.MICROSECONDS);

        assertEquals(List.of(), c.refused);
        assertEquals(20_000, c.points.size());
        for (int i = 0; i < 20_000; i++) {
            assertEquals(i, c.points.get(i).value());
            assertEquals("h" + i % 7, c.points.get(i).series().tags().get("host"));
        }
    }
}
