package sensorhub.influxql.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sensorhub.influxql.control.ResultSeries.Time;
import sensorhub.influxql.control.Statement.Select;

/**
 * SELECTs over the dataset of a capture of InfluxDB 1.6.7~rc0's answers, expected as InfluxDB answered them (the
 * capture's case numbers in the comments). Accepted differences are not asserted: means and standard deviations are
 * compared to within a few units in the last place, and raw rows at equal times of different series in any order.
 */
class SelectionTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0_SECONDS = 1_776_672_000L;
    private static final long ROOM_A = 1;
    private static final long ROOM_B = 2;
    private static final long ROOM_A_HUM = 3;
    private static final long CELSIUS = 4;
    /** When InfluxDB answered the cases that depend on now() (their Date header says 19:55:11). */
    private static final long CAPTURE_NOW = nanos("2026-12-04T19:55:11.732301919Z");
    private static final String T0_T1 = "time >= '2026-04-20T08:00:00Z' AND time < '2026-04-20T08:10:00Z'";
    private static final String FIRST_MINUTE = "time >= '2026-04-20T08:00:00Z' AND time < '2026-04-20T08:01:00Z'";

    /** The capture's series (data.lp); its string field is left out, as this service stores no strings. */
    private final List<SeriesInfo> series = List.of(
            new SeriesInfo(ROOM_A, "air", "value", Map.of("room", "a"), false),
            new SeriesInfo(ROOM_B, "air", "value", Map.of("room", "b"), false),
            new SeriesInfo(ROOM_A_HUM, "air", "hum", Map.of("room", "a"), true),
            new SeriesInfo(CELSIUS, "°C", "value", Map.of("domain", "sensor", "entity_id", "living"), false));
    private final Map<Long, TreeMap<Long, Double>> readings = goldenReadings();

    /**
     * The capture's readings (data.lp, written with precision=s) from T0 = 2026-04-20T08:00:00Z: room a every 10 s,
     * 20 + (s mod 7) * 0.5, but for 08:03:00-08:04:59; room b every 30 s, 10 + minute * 1.25; room a's integer hum
     * every minute, 40 + minute, but for minutes 3 and 4; one °C reading of 21.5 at T0. Keys are microseconds.
     */
    private static Map<Long, TreeMap<Long, Double>> goldenReadings() {
        Map<Long, TreeMap<Long, Double>> readings = new HashMap<>();
        for (long key : List.of(ROOM_A, ROOM_B, ROOM_A_HUM, CELSIUS)) {
            readings.put(key, new TreeMap<>());
        }
        for (int s = 0; s < 600; s += 10) {
            boolean gap = s >= 180 && s < 300;
            if (!gap) {
                readings.get(ROOM_A).put(micros(s), 20 + (s % 7) * 0.5);
            }
            if (s % 30 == 0) {
                readings.get(ROOM_B).put(micros(s), 10 + (s / 60) * 1.25);
            }
            if (s % 60 == 0 && !gap) {
                readings.get(ROOM_A_HUM).put(micros(s), 40.0 + s / 60);
            }
        }
        readings.get(CELSIUS).put(micros(0), 21.5);
        return readings;
    }

    private static long micros(int secondsAfterT0) {
        return (T0_SECONDS + secondsAfterT0) * 1_000_000L;
    }

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * SECOND + i.getNano();
    }

    private Points read(long sensorKey, long fromMicros, long toMicros) {
        Points points = new Points(0);
        if (fromMicros < toMicros) {
            readings.get(sensorKey).subMap(fromMicros, toMicros).forEach(points::add);
        }
        return points;
    }

    private List<ResultSeries> answer(String query) {
        return answer(query, CAPTURE_NOW);
    }

    private List<ResultSeries> answer(String query, long now) {
        List<Statement> statements = InfluxQl.parse(query, now);
        assertEquals(1, statements.size());
        Select select = assertInstanceOf(Select.class, statements.get(0), () -> "read as " + statements.get(0));
        return Selection.run(select, series, this::read, now);
    }

    private static JsonArray goldenSeries(String golden) {
        JsonObject result = Json.createReader(new StringReader(golden)).readObject().getJsonArray("results")
                .getJsonObject(0);
        return result.containsKey("series") ? result.getJsonArray("series") : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** Series by series and cell by cell; means and standard deviations to within four units in the last place. */
    private static void assertGolden(String golden, List<ResultSeries> answer) {
        JsonArray expected = goldenSeries(golden);
        assertEquals(expected.size(), answer.size(), "series");
        for (int s = 0; s < expected.size(); s++) {
            JsonObject e = expected.getJsonObject(s);
            ResultSeries a = answer.get(s);
            List<String> columns = e.getJsonArray("columns").getValuesAs(JsonString::getString);
            assertEquals(e.getString("name"), a.name());
            assertEquals(new ArrayList<>(tags(e).entrySet()), new ArrayList<>(a.tags().entrySet()), "tags");
            assertEquals(columns, a.columns());
            JsonArray rows = e.getJsonArray("values");
            assertEquals(rows.size(), a.values().size(), () -> "rows of " + a.tags() + ": " + a.values());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    assertCell(columns.get(c), rows.getJsonArray(r).get(c), a.values().get(r).get(c),
                            "row " + r + " " + columns.get(c) + " of " + a.tags());
                }
            }
        }
    }

    private static Map<String, String> tags(JsonObject series) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (series.containsKey("tags")) {
            series.getJsonObject("tags").forEach((k, v) -> tags.put(k, ((JsonString) v).getString()));
        }
        return tags;
    }

    private static void assertCell(String column, JsonValue expected, Object actual, String where) {
        if (column.equals("time")) {
            OffsetDateTime time = OffsetDateTime.parse(((JsonString) expected).getString());
            Time at = assertInstanceOf(Time.class, actual, where);
            Instant instant = time.toInstant();
            assertEquals(instant.getEpochSecond() * SECOND + instant.getNano(), at.nanos(), where);
            assertEquals(time.getOffset(), at.zone().map(z -> z.getRules().getOffset(instant))
                    .orElse(ZoneOffset.UTC), where);
        } else if (expected == JsonValue.NULL) {
            assertNull(actual, where);
        } else if (expected instanceof JsonString text) {
            assertEquals(text.getString(), actual, where);
        } else {
            double value = ((JsonNumber) expected).doubleValue();
            double got = assertInstanceOf(Number.class, actual, where).doubleValue();
            if (column.startsWith("mean") || column.startsWith("stddev")) {
                assertEquals(value, got, 4 * Math.ulp(value), where);
            } else {
                assertEquals(value, got, where);
            }
        }
    }

    /** Raw rows: exactly InfluxDB's cells, but rows at the same time in any order. */
    private static void assertGoldenRowsAtEqualTimesInAnyOrder(String golden, List<ResultSeries> answer) {
        JsonArray expected = goldenSeries(golden);
        assertEquals(expected.size(), answer.size(), "series");
        for (int s = 0; s < expected.size(); s++) {
            JsonObject e = expected.getJsonObject(s);
            ResultSeries a = answer.get(s);
            assertEquals(e.getJsonArray("columns").getValuesAs(JsonString::getString), a.columns());
            List<List<String>> want = new ArrayList<>();
            for (JsonArray row : e.getJsonArray("values").getValuesAs(JsonArray.class)) {
                want.add(row.stream().map(SelectionTest::text).toList());
            }
            List<List<String>> got = new ArrayList<>();
            for (List<Object> row : a.values()) {
                got.add(row.stream().map(SelectionTest::text).toList());
            }
            assertEquals(sorted(want), sorted(got));
            assertEquals(want.stream().map(r -> r.get(0)).toList(), got.stream().map(r -> r.get(0)).toList(),
                    "times in order");
        }
    }

    private static String text(Object cell) {
        if (cell instanceof JsonString s && s.getString().matches("\\d{4}-.*")) {
            Instant instant = OffsetDateTime.parse(s.getString()).toInstant();
            return Long.toString(instant.getEpochSecond() * SECOND + instant.getNano());
        } else if (cell instanceof JsonString s) {
            return s.getString();
        } else if (cell instanceof JsonNumber n) {
            return Double.toString(n.doubleValue());
        } else if (cell == JsonValue.NULL || cell == null) {
            return "null";
        } else if (cell instanceof Time t) {
            return Long.toString(t.nanos());
        } else if (cell instanceof Number n) {
            return Double.toString(n.doubleValue());
        }
        return cell.toString();
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Object::toString));
        return sorted;
    }

    private static double cell(List<ResultSeries> answer, int row, int column) {
        return ((Number) answer.get(0).values().get(row).get(column)).doubleValue();
    }

    // case 18, and 22 without fill(): the mean of both rooms, room b alone where room a has a gap
    @Test
    void averagesEachMinuteOverAllSeries() {
        String golden = """
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",18.5625],["2026-04-20T08:01:00Z",19.0625],["2026-04-20T08:02:00Z",19.125],
                ["2026-04-20T08:03:00Z",13.75],["2026-04-20T08:04:00Z",15],["2026-04-20T08:05:00Z",20.1875],
                ["2026-04-20T08:06:00Z",20.6875],["2026-04-20T08:07:00Z",20.75],["2026-04-20T08:08:00Z",21.25],
                ["2026-04-20T08:09:00Z",21.3125]]}]}]}""";

        assertGolden(golden, answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1
                + " GROUP BY time(1m) fill(null)"));
        assertGolden(golden, answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(1m)"));
    }

    // case 36
    @Test
    void fillsEmptyWindowsWithNullByDefault() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",21.416666666666668],["2026-04-20T08:01:00Z",21.666666666666668],
                ["2026-04-20T08:02:00Z",21.333333333333332],["2026-04-20T08:03:00Z",null],["2026-04-20T08:04:00Z",null],
                ["2026-04-20T08:05:00Z",21.5],["2026-04-20T08:06:00Z",21.75],
                ["2026-04-20T08:07:00Z",21.416666666666668],["2026-04-20T08:08:00Z",21.666666666666668],
                ["2026-04-20T08:09:00Z",21.333333333333332]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND " + T0_T1
                        + " GROUP BY time(1m) fill(null)"));
    }

    // case 37
    @Test
    void leavesEmptyWindowsOutWithFillNone() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",21.416666666666668],["2026-04-20T08:01:00Z",21.666666666666668],
                ["2026-04-20T08:02:00Z",21.333333333333332],["2026-04-20T08:05:00Z",21.5],
                ["2026-04-20T08:06:00Z",21.75],["2026-04-20T08:07:00Z",21.416666666666668],
                ["2026-04-20T08:08:00Z",21.666666666666668],["2026-04-20T08:09:00Z",21.333333333333332]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND " + T0_T1
                        + " GROUP BY time(1m) fill(none)"));
    }

    // case 38
    @Test
    void fillsEmptyWindowsWithThePreviousValue() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",21.416666666666668],["2026-04-20T08:01:00Z",21.666666666666668],
                ["2026-04-20T08:02:00Z",21.333333333333332],["2026-04-20T08:03:00Z",21.333333333333332],
                ["2026-04-20T08:04:00Z",21.333333333333332],["2026-04-20T08:05:00Z",21.5],
                ["2026-04-20T08:06:00Z",21.75],["2026-04-20T08:07:00Z",21.416666666666668],
                ["2026-04-20T08:08:00Z",21.666666666666668],["2026-04-20T08:09:00Z",21.333333333333332]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND " + T0_T1
                        + " GROUP BY time(1m) fill(previous)"));
    }

    // case 39
    @Test
    void fillsEmptyWindowsOnTheLineBetweenTheirNeighbours() {
        List<ResultSeries> answer = answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND " + T0_T1
                + " GROUP BY time(1m) fill(linear)");

        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",21.416666666666668],["2026-04-20T08:01:00Z",21.666666666666668],
                ["2026-04-20T08:02:00Z",21.333333333333332],["2026-04-20T08:03:00Z",21.38888888888889],
                ["2026-04-20T08:04:00Z",21.444444444444443],["2026-04-20T08:05:00Z",21.5],
                ["2026-04-20T08:06:00Z",21.75],["2026-04-20T08:07:00Z",21.416666666666668],
                ["2026-04-20T08:08:00Z",21.666666666666668],["2026-04-20T08:09:00Z",21.333333333333332]]}]}]}""",
                answer);
        assertEquals(21.38888888888889, cell(answer, 3, 1));
        assertEquals(21.444444444444443, cell(answer, 4, 1));
    }

    // cases 40 and 41
    @Test
    void fillsEmptyWindowsWithANumber() {
        String query = "SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND " + T0_T1 + " GROUP BY time(1m) ";
        List<ResultSeries> zero = answer(query + "fill(0)");
        List<ResultSeries> negative = answer(query + "fill(-1.5)");

        assertEquals(List.of(21.333333333333332, 0.0, 0.0, 21.5), List.of(cell(zero, 2, 1), cell(zero, 3, 1),
                cell(zero, 4, 1), cell(zero, 5, 1)));
        assertEquals(List.of(21.333333333333332, -1.5, -1.5, 21.5), List.of(cell(negative, 2, 1),
                cell(negative, 3, 1), cell(negative, 4, 1), cell(negative, 5, 1)));
        assertEquals(10, negative.get(0).values().size());
    }

    // case 29
    @Test
    void leavesWindowsBeforeTheFirstAndAfterTheLastReadingNullWithLinearFill() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T07:57:00Z",null],["2026-04-20T07:58:00Z",null],["2026-04-20T07:59:00Z",null],
                ["2026-04-20T08:00:00Z",21.416666666666668],["2026-04-20T08:01:00Z",21.666666666666668],
                ["2026-04-20T08:02:00Z",21.333333333333332],["2026-04-20T08:03:00Z",21.38888888888889],
                ["2026-04-20T08:04:00Z",21.444444444444443],["2026-04-20T08:05:00Z",21.5],
                ["2026-04-20T08:06:00Z",21.75],["2026-04-20T08:07:00Z",21.416666666666668],
                ["2026-04-20T08:08:00Z",21.666666666666668],["2026-04-20T08:09:00Z",21.333333333333332],
                ["2026-04-20T08:10:00Z",null],["2026-04-20T08:11:00Z",null],["2026-04-20T08:12:00Z",null]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND time >= '2026-04-20T07:57:00Z' "
                        + "AND time < '2026-04-20T08:13:00Z' GROUP BY time(1m) fill(linear)"));
    }

    // case 30
    @Test
    void carriesTheLastValueToTheEndButNothingBeforeTheFirstWithPreviousFill() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T07:57:00Z",null],["2026-04-20T07:58:00Z",null],["2026-04-20T07:59:00Z",null],
                ["2026-04-20T08:00:00Z",21.416666666666668],["2026-04-20T08:01:00Z",21.666666666666668],
                ["2026-04-20T08:02:00Z",21.333333333333332],["2026-04-20T08:03:00Z",21.333333333333332],
                ["2026-04-20T08:04:00Z",21.333333333333332],["2026-04-20T08:05:00Z",21.5],
                ["2026-04-20T08:06:00Z",21.75],["2026-04-20T08:07:00Z",21.416666666666668],
                ["2026-04-20T08:08:00Z",21.666666666666668],["2026-04-20T08:09:00Z",21.333333333333332],
                ["2026-04-20T08:10:00Z",21.333333333333332],["2026-04-20T08:11:00Z",21.333333333333332],
                ["2026-04-20T08:12:00Z",21.333333333333332]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND time >= '2026-04-20T07:57:00Z' "
                        + "AND time < '2026-04-20T08:13:00Z' GROUP BY time(1m) fill(previous)"));
    }

    // cases 31 and 32
    @Test
    void countsEmptyWindowsAsZeroNotNull() {
        String golden = """
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","count"],"values":[
                ["2026-04-20T08:00:00Z",6],["2026-04-20T08:01:00Z",6],["2026-04-20T08:02:00Z",6],
                ["2026-04-20T08:03:00Z",0],["2026-04-20T08:04:00Z",0],["2026-04-20T08:05:00Z",6],
                ["2026-04-20T08:06:00Z",6],["2026-04-20T08:07:00Z",6],["2026-04-20T08:08:00Z",6],
                ["2026-04-20T08:09:00Z",6]]}]}]}""";
        String query = "SELECT count(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND " + T0_T1 + " GROUP BY time(1m)";

        assertGolden(golden, answer(query + " fill(null)"));
        assertGolden(golden, answer(query));
    }

    // cases 33, 34 and 35
    @Test
    void fillsIntegerFieldsAsInfluxDbDoes() {
        String minutes = """
                ["2026-04-20T08:00:00Z",40],["2026-04-20T08:01:00Z",41],["2026-04-20T08:02:00Z",42],
                ["2026-04-20T08:03:00Z",%s],["2026-04-20T08:04:00Z",%s],["2026-04-20T08:05:00Z",45],
                ["2026-04-20T08:06:00Z",46],["2026-04-20T08:07:00Z",47],["2026-04-20T08:08:00Z",48],
                ["2026-04-20T08:09:00Z",49]]}]}]}""";
        String head = "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\",\"%s\"],"
                + "\"values\":[";
        String query = "SELECT %s(\"hum\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(1m) %s";

        assertGolden(String.format(head + minutes, "mean", 43, 44), answer(String.format(query, "mean",
                "fill(linear)")));
        assertGolden(String.format(head + minutes, "max", 43, 44), answer(String.format(query, "max",
                "fill(linear)")));
        assertGolden(String.format(head + minutes, "max", -1, -1), answer(String.format(query, "max",
                "fill(-1.5)")));
    }

    /** InfluxDB 1.6 fills each call's own iterator (query/select.go, buildCallIterator wraps it in a fill iterator). */
    @Test
    void fillsEachColumnWhereItHasNoReadingsEvenIfAnotherHas() {
        List<ResultSeries> previous = answer("SELECT mean(\"value\"), mean(\"hum\") FROM \"air\" WHERE " + T0_T1
                + " GROUP BY time(1m) fill(previous)");
        List<ResultSeries> zero = answer("SELECT mean(\"value\"), mean(\"hum\") FROM \"air\" WHERE " + T0_T1
                + " GROUP BY time(1m) fill(0)");

        assertEquals(List.of(13.75, 42.0), previous.get(0).values().get(3).subList(1, 3));
        assertEquals(List.of(13.75, 0.0), zero.get(0).values().get(3).subList(1, 3));
    }

    /** The fill value takes the place of the call's value, and the arithmetic around the call applies to it. */
    @Test
    void fillsACallBeforeTheArithmeticAroundIt() {
        List<ResultSeries> answer = answer("SELECT mean(\"hum\") * 2 FROM \"air\" WHERE " + T0_T1
                + " GROUP BY time(1m) fill(5)");

        assertEquals(List.of(84.0, 10.0, 10.0, 90.0), List.of(cell(answer, 2, 1), cell(answer, 3, 1),
                cell(answer, 4, 1), cell(answer, 5, 1)));
    }

    // case 44
    @Test
    void limitsWindowsInDescendingOrder() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:09:00Z",21.3125],["2026-04-20T08:08:00Z",21.25],["2026-04-20T08:07:00Z",20.75]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(1m) fill(null) "
                        + "ORDER BY time DESC LIMIT 3"));
    }

    // case 45
    @Test
    void pagesThroughTheWindowsLeftAfterFillNone() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:01:00Z",21.666666666666668],["2026-04-20T08:02:00Z",21.333333333333332],
                ["2026-04-20T08:05:00Z",21.5],["2026-04-20T08:06:00Z",21.75]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND " + T0_T1
                        + " GROUP BY time(1m) fill(none) LIMIT 4 OFFSET 1"));
    }

    // case 48
    @Test
    void answersASeriesPerTagValueEachFilledOnItsOwn() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","tags":{"room":"a"},"columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",21.416666666666668],["2026-04-20T08:01:00Z",21.666666666666668],
                ["2026-04-20T08:02:00Z",21.333333333333332],["2026-04-20T08:03:00Z",null],["2026-04-20T08:04:00Z",null],
                ["2026-04-20T08:05:00Z",21.5],["2026-04-20T08:06:00Z",21.75],
                ["2026-04-20T08:07:00Z",21.416666666666668],["2026-04-20T08:08:00Z",21.666666666666668],
                ["2026-04-20T08:09:00Z",21.333333333333332]]},
                {"name":"air","tags":{"room":"b"},"columns":["time","mean"],"values":[["2026-04-20T08:00:00Z",10],
                ["2026-04-20T08:01:00Z",11.25],["2026-04-20T08:02:00Z",12.5],["2026-04-20T08:03:00Z",13.75],
                ["2026-04-20T08:04:00Z",15],["2026-04-20T08:05:00Z",16.25],["2026-04-20T08:06:00Z",17.5],
                ["2026-04-20T08:07:00Z",18.75],["2026-04-20T08:08:00Z",20],["2026-04-20T08:09:00Z",21.25]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(1m), \"room\" "
                        + "fill(null)"));
    }

    // cases 50 and 51
    @Test
    void groupsByATagOrByEveryTagWithoutTimeWindows() {
        String golden = """
                {"results":[{"statement_id":0,"series":[
                {"name":"air","tags":{"room":"a"},"columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",21.510416666666668]]},
                {"name":"air","tags":{"room":"b"},"columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",15.625]]}]}]}""";

        assertGolden(golden, answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY \"room\""));
        assertGolden(golden, answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY *"));
    }

    // cases 52 and 111
    @Test
    void groupsByTimeAndTags() {
        String golden = """
                {"results":[{"statement_id":0,"series":[
                {"name":"air","tags":{"room":"a"},"columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",21.47222222222222],["2026-04-20T08:05:00Z",21.533333333333335]]},
                {"name":"air","tags":{"room":"b"},"columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",12.5],["2026-04-20T08:05:00Z",18.75]]}]}]}""";

        assertGolden(golden, answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(5m), *"));
        assertGolden(golden, answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\"::tag =~ /^(a|b)$/ AND "
                + T0_T1 + " GROUP BY time(5m), \"room\"::tag"));
    }

    // case 53
    @Test
    void answersEveryFunctionOverTheWholeRangeAtItsStart() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","columns":["time","count","mean","median","min","max","sum","first","last","spread",
                "stddev","percentile","percentile_1","percentile_2","percentile_3"],"values":[
                ["2026-04-20T08:00:00Z",68,19.779411764705884,21,10,23,1345,20,21,13,3.446967467708626,23,21,null,23]
                ]}]}]}""", answer("SELECT count(\"value\"), mean(\"value\"), median(\"value\"), min(\"value\"), "
                + "max(\"value\"), sum(\"value\"), first(\"value\"), last(\"value\"), spread(\"value\"), "
                + "stddev(\"value\"), percentile(\"value\", 95), percentile(\"value\", 50), percentile(\"value\", 0), "
                + "percentile(\"value\", 100) FROM \"air\" WHERE " + T0_T1));
    }

    // case 55
    @Test
    void answersEveryFunctionPerWindow() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","columns":["time","count","mean","median","min","max","sum","first","last","spread",
                "stddev","percentile","percentile_1","percentile_2","percentile_3"],"values":[
                ["2026-04-20T08:00:00Z",28,18.267857142857142,20.5,10,23,511.5,20,15,13,4.584559720484381,23,20.5,
                null,23],
                ["2026-04-20T08:05:00Z",40,20.8375,21,16.25,23,833.5,23,21,6.75,1.7527908149649916,23,21,null,23]
                ]}]}]}""", answer("SELECT count(\"value\"), mean(\"value\"), median(\"value\"), min(\"value\"), "
                + "max(\"value\"), sum(\"value\"), first(\"value\"), last(\"value\"), spread(\"value\"), "
                + "stddev(\"value\"), percentile(\"value\", 95), percentile(\"value\", 50), percentile(\"value\", 0), "
                + "percentile(\"value\", 100) FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(5m)"));
    }

    // case 57
    @Test
    void answersFunctionsOfAnIntegerField() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","columns":["time","count","mean","sum","min","max","median","spread","stddev"],"values":[
                ["2026-04-20T08:00:00Z",8,44.75,358,40,49,45.5,9,3.370036032024414]]}]}]}""",
                answer("SELECT count(\"hum\"), mean(\"hum\"), sum(\"hum\"), min(\"hum\"), max(\"hum\"), "
                        + "median(\"hum\"), spread(\"hum\"), stddev(\"hum\") FROM \"air\" WHERE " + T0_T1));
    }

    // cases 58, 59, 60 and 61: the earliest of equal extremes, the greater of equal-time firsts
    @Test
    void answersALoneSelectorAtTheTimeOfTheReadingItChose() {
        String golden = "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\","
                + "\"%s\"],\"values\":[[\"%s\",%s]]}]}]}";
        String query = "SELECT %s(\"value\") FROM \"air\" WHERE " + T0_T1;

        assertGolden(String.format(golden, "max", "2026-04-20T08:00:20Z", 23), answer(String.format(query, "max")));
        assertGolden(String.format(golden, "first", "2026-04-20T08:00:00Z", 20),
                answer(String.format(query, "first")));
        assertGolden(String.format(golden, "last", "2026-04-20T08:09:50Z", 21), answer(String.format(query, "last")));
        assertGolden(String.format(golden, "min", "2026-04-20T08:00:00Z", 10), answer(String.format(query, "min")));
    }

    /**
     * Case 62: InfluxDB answered 08:08:30, one of the eight readings of 23; which of equal values its unstable sort
     * puts at the rank is not defined, so any reading of the chosen value will do.
     */
    @Test
    void answersALonePercentileAtTheTimeOfAReadingOfItsValue() {
        List<ResultSeries> answer = answer("SELECT percentile(\"value\", 90) FROM \"air\" WHERE " + T0_T1);

        assertEquals(23.0, cell(answer, 0, 1));
        long micros = ((Time) answer.get(0).values().get(0).get(0)).nanos() / 1_000;
        assertEquals(23.0, readings.get(ROOM_A).get(micros));
    }

    // cases 63 and 64
    @Test
    void answersSeveralSelectorsOrASelectorWithAnAggregateAtTheRangesStart() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","max","min"],"values":[
                ["2026-04-20T08:00:00Z",23,10]]}]}]}""",
                answer("SELECT max(\"value\"), min(\"value\") FROM \"air\" WHERE " + T0_T1));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","max","mean"],"values":[
                ["2026-04-20T08:00:00Z",23,19.779411764705884]]}]}]}""",
                answer("SELECT max(\"value\"), mean(\"value\") FROM \"air\" WHERE " + T0_T1));
    }

    // case 65
    @Test
    void refusesASelectorWithATagAsDocumented() {
        // InfluxDB answers the chosen reading's tag beside it (case 65); docs/influxdb.md lists it as not answered
        Statement statement = InfluxQl.parse("SELECT max(\"value\"), \"room\" FROM \"air\" WHERE " + T0_T1, 0).get(0);

        assertEquals(new Statement.Invalid("mixing aggregate and non-aggregate queries is not supported"), statement);
    }

    // cases 68 and 69
    @Test
    void answersSelectorsPerWindowAtTheWindowsStartAndPerTagAtTheirReading() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","max"],"values":[
                ["2026-04-20T08:00:00Z",23],["2026-04-20T08:05:00Z",23]]}]}]}""",
                answer("SELECT max(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(5m)"));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","tags":{"room":"a"},"columns":["time","max"],"values":[["2026-04-20T08:00:20Z",23]]},
                {"name":"air","tags":{"room":"b"},"columns":["time","max"],"values":[["2026-04-20T08:09:00Z",21.25]]}
                ]}]}""", answer("SELECT max(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY \"room\""));
    }

    // cases 70 and 104
    @Test
    void listsRawReadingsOfAllSeriesInTimeOrder() {
        assertGoldenRowsAtEqualTimesInAnyOrder("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","value"],"values":[
                ["2026-04-20T08:00:00Z",20],["2026-04-20T08:00:00Z",10],["2026-04-20T08:00:10Z",21.5],
                ["2026-04-20T08:00:20Z",23],["2026-04-20T08:00:30Z",10],["2026-04-20T08:00:30Z",21],
                ["2026-04-20T08:00:40Z",22.5],["2026-04-20T08:00:50Z",20.5]]}]}]}""",
                answer("SELECT \"value\" FROM \"air\" WHERE " + FIRST_MINUTE));
        assertGoldenRowsAtEqualTimesInAnyOrder("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","value","value_1"],"values":[
                ["2026-04-20T08:00:00Z",20,20],["2026-04-20T08:00:00Z",10,10],["2026-04-20T08:00:10Z",21.5,21.5],
                ["2026-04-20T08:00:20Z",23,23],["2026-04-20T08:00:30Z",10,10],["2026-04-20T08:00:30Z",21,21],
                ["2026-04-20T08:00:40Z",22.5,22.5],["2026-04-20T08:00:50Z",20.5,20.5]]}]}]}""",
                answer("SELECT \"value\", \"value\" FROM \"air\" WHERE " + FIRST_MINUTE));
    }

    // cases 71 and 80
    @Test
    void listsARawRowWhereAnySelectedFieldHasAReading() {
        assertGoldenRowsAtEqualTimesInAnyOrder("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","value","hum"],"values":[
                ["2026-04-20T08:00:00Z",20,40],["2026-04-20T08:00:00Z",10,null],["2026-04-20T08:00:10Z",21.5,null],
                ["2026-04-20T08:00:20Z",23,null],["2026-04-20T08:00:30Z",10,null],["2026-04-20T08:00:30Z",21,null],
                ["2026-04-20T08:00:40Z",22.5,null],["2026-04-20T08:00:50Z",20.5,null]]}]}]}""",
                answer("SELECT \"value\",\"hum\" FROM \"air\" WHERE " + FIRST_MINUTE));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","hum"],"values":[
                ["2026-04-20T08:00:00Z",40]]}]}]}""", answer("SELECT \"hum\" FROM \"air\" WHERE " + FIRST_MINUTE));
    }

    // cases 72 and 79
    @Test
    void listsFieldsAndTagsForSelectStarInNameOrder() {
        assertGoldenRowsAtEqualTimesInAnyOrder("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","hum","room","value"],"values":[
                ["2026-04-20T08:00:00Z",40,"a",20],["2026-04-20T08:00:00Z",null,"b",10],
                ["2026-04-20T08:00:10Z",null,"a",21.5],["2026-04-20T08:00:20Z",null,"a",23],
                ["2026-04-20T08:00:30Z",null,"b",10],["2026-04-20T08:00:30Z",null,"a",21],
                ["2026-04-20T08:00:40Z",null,"a",22.5],["2026-04-20T08:00:50Z",null,"a",20.5]]}]}]}""",
                answer("SELECT * FROM \"air\" WHERE " + FIRST_MINUTE));
        assertGoldenRowsAtEqualTimesInAnyOrder("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","value","room"],"values":[
                ["2026-04-20T08:00:00Z",20,"a"],["2026-04-20T08:00:00Z",10,"b"],["2026-04-20T08:00:10Z",21.5,"a"],
                ["2026-04-20T08:00:20Z",23,"a"],["2026-04-20T08:00:30Z",21,"a"],["2026-04-20T08:00:30Z",10,"b"],
                ["2026-04-20T08:00:40Z",22.5,"a"],["2026-04-20T08:00:50Z",20.5,"a"]]}]}]}""",
                answer("SELECT \"value\", \"room\" FROM \"air\" WHERE " + FIRST_MINUTE));
    }

    // case 74
    @Test
    void leavesTheGroupedTagsOutOfSelectStar() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","tags":{"room":"a"},"columns":["time","hum","value"],"values":[
                ["2026-04-20T08:00:00Z",40,20],["2026-04-20T08:00:10Z",null,21.5],["2026-04-20T08:00:20Z",null,23],
                ["2026-04-20T08:00:30Z",null,21],["2026-04-20T08:00:40Z",null,22.5],["2026-04-20T08:00:50Z",null,20.5]
                ]},
                {"name":"air","tags":{"room":"b"},"columns":["time","hum","value"],"values":[
                ["2026-04-20T08:00:00Z",null,10],["2026-04-20T08:00:30Z",null,10]]}]}]}""",
                answer("SELECT * FROM \"air\" WHERE " + FIRST_MINUTE + " GROUP BY *"));
    }

    // cases 76 and 77: at 08:00:30 both rooms have a reading, InfluxDB listed room b's last
    @Test
    void limitsRawRows() {
        List<ResultSeries> descending = answer("SELECT \"value\" FROM \"air\" WHERE " + FIRST_MINUTE
                + " ORDER BY time DESC LIMIT 3");

        assertEquals(List.of(nanos("2026-04-20T08:00:50Z"), nanos("2026-04-20T08:00:40Z"),
                nanos("2026-04-20T08:00:30Z")), descending.get(0).values().stream()
                .map(r -> ((Time) r.get(0)).nanos()).toList());
        assertEquals(List.of(20.5, 22.5), List.of(cell(descending, 0, 1), cell(descending, 1, 1)));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","value"],"values":[
                ["2026-04-20T08:00:00Z",10],["2026-04-20T08:00:30Z",10]]}]}]}""",
                answer("SELECT \"value\" FROM \"air\" WHERE \"room\" = 'b' AND time >= '2026-04-20T08:00:00Z' "
                        + "LIMIT 2"));
    }

    // case 78
    @Test
    void limitsTheSeries() {
        List<ResultSeries> answer = answer("SELECT \"value\" FROM \"air\" GROUP BY \"room\" SLIMIT 1");

        assertEquals(1, answer.size());
        assertEquals(Map.of("room", "a"), answer.get(0).tags());
        assertEquals(48, answer.get(0).values().size());
    }

    // case 81
    @Test
    void answersTimesInTheZoneOfTz() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T10:00:00+02:00",18.5625],["2026-04-20T10:01:00+02:00",19.0625],
                ["2026-04-20T10:02:00+02:00",19.125],["2026-04-20T10:03:00+02:00",13.75],
                ["2026-04-20T10:04:00+02:00",15],["2026-04-20T10:05:00+02:00",20.1875],
                ["2026-04-20T10:06:00+02:00",20.6875],["2026-04-20T10:07:00+02:00",20.75],
                ["2026-04-20T10:08:00+02:00",21.25],["2026-04-20T10:09:00+02:00",21.3125]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(1m) "
                        + "tz('Europe/Berlin')"));
    }

    // case 91
    @Test
    void answersRawTimesInTheZoneOfTz() {
        List<ResultSeries> answer = answer("SELECT \"value\" FROM \"air\" WHERE " + FIRST_MINUTE
                + " tz('Europe/Berlin')");

        assertGoldenRowsAtEqualTimesInAnyOrder("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","value"],"values":[
                ["2026-04-20T10:00:00+02:00",20],["2026-04-20T10:00:00+02:00",10],["2026-04-20T10:00:10+02:00",21.5],
                ["2026-04-20T10:00:20+02:00",23],["2026-04-20T10:00:30+02:00",10],["2026-04-20T10:00:30+02:00",21],
                ["2026-04-20T10:00:40+02:00",22.5],["2026-04-20T10:00:50+02:00",20.5]]}]}]}""", answer);
        assertEquals(List.of(Optional.of(ZoneId.of("Europe/Berlin"))), answer.get(0).values().stream()
                .map(r -> ((Time) r.get(0)).zone()).distinct().toList());
    }

    // cases 83 and 85
    @Test
    void cutsDaysAtMidnightOfTheZoneStartingBeforeTheRange() {
        String range = "time >= '2026-04-19T00:00:00Z' AND time < '2026-04-22T00:00:00Z'";

        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-18T00:00:00-04:00",null],["2026-04-19T00:00:00-04:00",null],
                ["2026-04-20T00:00:00-04:00",19.779411764705884],["2026-04-21T00:00:00-04:00",null]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + range + " GROUP BY time(1d) "
                        + "tz('America/New_York')"));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-19T00:00:00Z",null],["2026-04-20T00:00:00Z",19.779411764705884],
                ["2026-04-21T00:00:00Z",null]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + range + " GROUP BY time(1d)"));
    }

    // cases 86, 87 and 88
    @Test
    void alignsWindowsToTheEpochPlusTheOffsetNotToTheRange() {
        List<ResultSeries> days = answer("SELECT mean(\"value\") FROM \"air\" WHERE time >= '2026-04-19T00:00:00Z' "
                + "AND time < '2026-04-22T00:00:00Z' GROUP BY time(1h, 15m)");

        assertEquals(73, days.get(0).values().size());
        assertEquals(nanos("2026-04-18T23:15:00Z"), ((Time) days.get(0).values().get(0).get(0)).nanos());
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T07:15:00Z",19.779411764705884]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(1h, 15m)"));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",19.779411764705884]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(1h)"));
    }

    // case 89
    @Test
    void cutsFourMinuteWindowsAtMultiplesSinceTheEpoch() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",18.51923076923077],["2026-04-20T08:04:00Z",20.115384615384617],
                ["2026-04-20T08:08:00Z",21.28125]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(4m)"));
    }

    // case 92: the row's time is the range's start, now() - 3650d and a nanosecond for the exclusive bound
    @Test
    void answersAnAggregateAtTheStartOfANowRelativeRange() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","count"],"values":[
                ["2016-12-06T19:55:11.73230192Z",68]]}]}]}""",
                answer("SELECT count(\"value\") FROM \"air\" WHERE time > now() - 3650d"));
    }

    // case 93
    @Test
    void answersAnAggregateWithoutTimeConditionAtTheEpoch() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["1970-01-01T00:00:00Z",19.779411764705884]]}]}]}""", answer("SELECT mean(\"value\") FROM \"air\""));
    }

    // cases 46 and 94: windows from the earliest reading, or the range's start, up to the one that holds now()
    @Test
    void fillsWindowsUpToNowWithoutAnUpperBound() {
        List<ResultSeries> hours = answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a' AND "
                + "time >= '2026-04-20T08:00:00Z' GROUP BY time(1h)");
        List<ResultSeries> minutes = answer("SELECT mean(\"value\") FROM \"air\" GROUP BY time(1m)",
                nanos("2026-04-20T08:15:30Z"));

        List<List<Object>> rows = hours.get(0).values();
        assertEquals(5484, rows.size());
        assertEquals(21.510416666666668, cell(hours, 0, 1), 4 * Math.ulp(21.5));
        assertEquals(nanos("2026-12-04T19:00:00Z"), ((Time) rows.get(rows.size() - 1).get(0)).nanos());
        assertNull(rows.get(rows.size() - 1).get(1));
        assertEquals(16, minutes.get(0).values().size());
        assertEquals(nanos("2026-04-20T08:15:00Z"), ((Time) minutes.get(0).values().get(15).get(0)).nanos());
        assertEquals(21.3125, cell(minutes, 9, 1));
    }

    @Test
    void refusesMoreWindowsThanItsLimit() {
        QueryException e = assertThrows(QueryException.class,
                () -> answer("SELECT mean(\"value\") FROM \"air\" GROUP BY time(1m)"));

        assertTrue(e.getMessage().contains(Integer.toString(Selection.MAX_WINDOWS)), e.getMessage());
    }

    // cases 95, 96, 117, 123, 146 and 156
    @Test
    void answersNoSeriesWhereNothingMatches() {
        assertEquals(List.of(), answer("SELECT mean(\"value\") FROM \"air\" WHERE time > now() - 1h GROUP BY "
                + "time(1m)"));
        assertEquals(List.of(), answer("SELECT mean(\"value\") FROM \"air\" WHERE time > now() - 1h"));
        assertEquals(List.of(), answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'zzz' AND " + T0_T1));
        assertEquals(List.of(), answer("SELECT mean(\"value\") FROM \"nosuch\" WHERE time >= '2026-04-20T08:00:00Z'"));
        assertEquals(List.of(), answer("select MEAN(value) from AIR where time >= 1776672000000ms"));
        assertEquals(List.of(), answer("SELECT mean(\"value\") FROM \"air\" WHERE time >= now() - 1h AND "
                + "time < now() - 2h"));
        assertEquals(List.of(), answer("SELECT \"value\" FROM \"air\" WHERE \"room\" = 'zzz'"));
    }

    // cases 100, 101, 102 and 103
    @Test
    void namesColumnsAsInfluxDbDoes() {
        String mean = "19.779411764705884";

        assertGolden("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\","
                + "\"avg\",\"mean\"],\"values\":[[\"2026-04-20T08:00:00Z\"," + mean + "," + mean + "]]}]}]}",
                answer("SELECT mean(\"value\") AS \"avg\", mean(\"value\") FROM \"air\" WHERE " + T0_T1));
        assertGolden("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\","
                + "\"mean\",\"mean_1\",\"mean_2\"],\"values\":[[\"2026-04-20T08:00:00Z\"," + mean + "," + mean + ","
                + mean + "]]}]}]}",
                answer("SELECT mean(\"value\"), mean(\"value\"), mean(\"value\") FROM \"air\" WHERE " + T0_T1));
        assertGolden("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\","
                + "\"mean_1\",\"mean\"],\"values\":[[\"2026-04-20T08:00:00Z\"," + mean + ",23]]}]}]}",
                answer("SELECT mean(\"value\"), max(\"value\") AS \"mean\" FROM \"air\" WHERE " + T0_T1));
    }

    // cases 105, 106 and 108
    @Test
    void computesArithmeticOfFunctions() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",9.133928571428571],["2026-04-20T08:05:00Z",10.41875]]}]}]}""",
                answer("SELECT mean(\"value\") / 2 FROM \"air\" WHERE " + T0_T1 + " GROUP BY time(5m)"));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","x","mean"],"values":[
                ["2026-04-20T08:00:00Z",37.535714285714285,13.666666666666666],
                ["2026-04-20T08:05:00Z",42.675,15.666666666666666]]}]}]}""",
                answer("SELECT mean(\"value\") * 2 + 1 AS \"x\", mean(\"hum\") / 3 FROM \"air\" WHERE " + T0_T1
                        + " GROUP BY time(5m)"));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","sum"],"values":[
                ["2026-04-20T08:00:00Z",358000000000000]]}]}]}""",
                answer("SELECT sum(\"hum\") * 1000000000000 FROM \"air\" WHERE " + T0_T1));
    }

    // case 107
    @Test
    void dividesByZeroAsZero() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","columns":["time","mean","mean_1","mean_2","mean_3","mean_4","mean_mean"],"values":[
                ["2026-04-20T08:00:00Z",1.9779411764705882e+24,1.9779411764705884e-9,19779411.764705885,
                0.000019779411764705884,0,0]]}]}]}""",
                answer("SELECT mean(\"value\") * 100000000000000000000000.0, mean(\"value\") / 10000000000.0, "
                        + "mean(\"value\") * 1000000.0, mean(\"value\") / 1000000.0, mean(\"value\") / 0, "
                        + "mean(\"value\") - mean(\"value\") FROM \"air\" WHERE " + T0_T1));
    }

    // case 110
    @Test
    void computesRawArithmeticNullWhereAnOperandIsMissing() {
        assertGoldenRowsAtEqualTimesInAnyOrder("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","value","value_hum"],"values":[
                ["2026-04-20T08:00:00Z",40,60],["2026-04-20T08:00:00Z",20,null],["2026-04-20T08:00:10Z",43,null],
                ["2026-04-20T08:00:20Z",46,null],["2026-04-20T08:00:30Z",20,null],["2026-04-20T08:00:30Z",42,null],
                ["2026-04-20T08:00:40Z",45,null],["2026-04-20T08:00:50Z",41,null]]}]}]}""",
                answer("SELECT \"value\" * 2, \"value\" + \"hum\" FROM \"air\" WHERE " + FIRST_MINUTE));
    }

    // cases 112, 113 and 114
    @Test
    void selectsSeriesByTheirTags() {
        String roomB = """
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",12.5],["2026-04-20T08:05:00Z",18.75]]}]}]}""";

        assertGolden(roomB, answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" != 'a' AND " + T0_T1
                + " GROUP BY time(5m)"));
        assertGolden(roomB, answer("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" !~ /a/ AND " + T0_T1
                + " GROUP BY time(5m)"));
        assertGolden("""
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",18.267857142857142],["2026-04-20T08:05:00Z",20.8375]]}]}]}""",
                answer("SELECT mean(\"value\") FROM \"air\" WHERE (\"room\" = 'a' OR \"room\" = 'b') AND " + T0_T1
                        + " GROUP BY time(5m)"));
    }

    // cases 116, 144, 145, 147, 149, 150, 151 and 152: the same answer whatever the spelling
    @Test
    void answersTheSameWhateverFormTheQueryTakes() {
        String golden = """
                {"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","mean"],"values":[
                ["2026-04-20T08:00:00Z",19.779411764705884]]}]}]}""";

        for (String query : List.of(
                "SELECT mean(\"value\") FROM /a.*/ WHERE " + T0_T1,
                "select MEAN(value) from air where time >= 1776672000000ms",
                "SELECT mean(value) FROM air WHERE time >= 1776672000000ms AND time < 1776672600000ms",
                "SELECT mean(\"value\") FROM \"air\" WHERE time >= '2026-04-20 08:00:00' AND "
                        + "time < '2026-04-20T08:10:00.000Z'",
                "SELECT mean(\"value\") FROM \"air\" WHERE time >= 1776672000s AND time < 1776672600s",
                "SELECT mean(\"value\") FROM \"air\" WHERE time >= 1776672000000000000 AND "
                        + "time < 1776672600000000000",
                "SELECT mean(\"value\") FROM \"golden\".\"autogen\".\"air\" WHERE time >= 1776672000000ms AND "
                        + "time < 1776672600000ms",
                "SELECT mean(\"value\") FROM \"air\" WHERE time >= 1776672000000ms AND time < 1776672600000ms "
                        + "GROUP BY time(0s)")) {
            assertGolden(golden, answer(query));
        }
    }

    /**
     * InfluxDB answers a wildcard argument per field, named function_field (case 154: mean(*) as mean_hum and
     * mean_value); mean(*) is refused here (docs/influxdb.md), count(*) is read.
     */
    @Test
    void countsEachFieldForAWildcardArgument() {
        assertGolden("""
                {"results":[{"statement_id":0,"series":[
                {"name":"air","columns":["time","count_hum","count_value"],"values":[
                ["2026-04-20T08:00:00Z",8,68]]}]}]}""", answer("SELECT count(*) FROM \"air\" WHERE " + T0_T1));
    }

    @Test
    void answersEachMeasurementOfARegexAsASeriesInNameOrder() {
        List<ResultSeries> answer = answer("SELECT max(\"value\") FROM /.*/ WHERE " + T0_T1 + " GROUP BY time(10m)");

        assertEquals(List.of("air", "°C"), answer.stream().map(ResultSeries::name).toList());
        assertEquals(List.of(23.0, 21.5), List.of(cell(answer, 0, 1), cell(answer.subList(1, 2), 0, 1)));
    }
}
