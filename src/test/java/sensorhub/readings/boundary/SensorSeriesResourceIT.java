package sensorhub.readings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.END;
import static sensorhub.testing.Fixtures.FIRST;
import static sensorhub.testing.Fixtures.LAST;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;
import static sensorhub.testing.Fixtures.sensorAtBothEnds;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;

class SensorSeriesResourceIT extends BlackBoxTest {

    @Test
    void sumsUpEachBucketExactlyAndSkipsEmptyOnes() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", 4),
                reading(sensor, "2026-03-01T10:20:00Z", -2), reading(sensor, "2026-03-01T10:59:59.999999Z", 1),
                reading(sensor, "2026-03-01T13:30:00Z", 9)));

        Answer series = api.get("sensors/" + sensor + "/series?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z"
                + "&bucket=PT1H");

        assertEquals(200, series.status(), series.body());
        assertEquals("PT1H", series.object().getString("bucket"));
        JsonArray points = series.object().getJsonArray("points");
        assertEquals(2, points.size());
        JsonObject ten = points.getJsonObject(0);
        assertEquals("2026-03-01T10:00:00Z", ten.getString("start"));
        assertEquals("2026-03-01T11:00:00Z", ten.getString("end"));
        assertEquals(3, ten.getInt("count"));
        assertEquals(-2, ten.getJsonNumber("min").doubleValue());
        assertEquals(4, ten.getJsonNumber("max").doubleValue());
        assertEquals(1, ten.getJsonNumber("mean").doubleValue());
        assertEquals(4, ten.getJsonNumber("first").doubleValue());
        assertEquals(1, ten.getJsonNumber("last").doubleValue());
        assertEquals(9, points.getJsonObject(1).getJsonNumber("mean").doubleValue());
    }

    @Test
    void choosesTheSmallestBucketThatFitsAndCountsOnlyTheRange() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", 1),
                reading(sensor, "2026-03-01T10:00:30Z", 2), reading(sensor, "2026-03-01T10:05:00Z", 3)));

        Answer series = api.get("sensors/" + sensor + "/series?from=2026-03-01T10:00:10Z&to=2026-03-01T11:00:00Z"
                + "&max_buckets=12");

        assertEquals("PT5M", series.object().getString("bucket"), series.body());
        JsonArray points = series.object().getJsonArray("points");
        assertEquals(List.of(1, 1), counts(points));
        assertEquals(2, points.getJsonObject(0).getJsonNumber("first").doubleValue());
    }

    @Test
    void followsTheZonesClocksOnTheDayTheyChange() {
        String sensor = sensor(api, "C");
        StringBuilder hourly = new StringBuilder("[");
        // Europe/Berlin falls back on 2026-10-25: that day has 25 hours there.
        for (int hour = 0; hour < 25; hour++) {
            hourly.append(hour == 0 ? "" : ",").append(reading(sensor,
                    java.time.Instant.parse("2026-10-24T22:30:00Z").plusSeconds(3600L * hour).toString(), hour));
        }
        api.post("sensor_values", hourly.append(']').toString());

        Answer hours = api.get("sensors/" + sensor + "/series?from=2026-10-24T00:00:00Z&to=2026-10-27T00:00:00Z"
                + "&bucket=PT1H&zone=Europe/Berlin");
        Answer days = api.get("sensors/" + sensor + "/series?from=2026-10-24T00:00:00Z&to=2026-10-27T00:00:00Z"
                + "&bucket=P1D&zone=Europe/Berlin");

        assertEquals(25, hours.object().getJsonArray("points").size(), hours.body());
        JsonObject day = days.object().getJsonArray("points").getJsonObject(0);
        assertEquals("2026-10-24T22:00:00Z", day.getString("start"));
        assertEquals("2026-10-25T23:00:00Z", day.getString("end"));
        assertEquals(25, day.getInt("count"));
        assertEquals(12, day.getJsonNumber("mean").doubleValue());
    }

    @Test
    void showsAWriteIntoABucketInTheNextAnswer() {
        String sensor = sensor(api, "C");
        String path = "sensors/" + sensor + "/series?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&bucket=P1D";
        api.post("sensor_values", readings(reading(sensor, "2026-03-05T10:00:00Z", 1)));
        api.get(path);

        api.post("sensor_values", readings(reading(sensor, "2026-03-05T11:00:00Z", 3)));

        JsonObject day = api.get(path).object().getJsonArray("points").getJsonObject(0);
        assertEquals(2, day.getInt("count"));
        assertEquals(2, day.getJsonNumber("mean").doubleValue());
    }

    @Test
    void keepsTheMeanOfTheLargestOppositeValuesFinite() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", Double.MAX_VALUE),
                reading(sensor, "2026-03-01T10:01:00Z", -Double.MAX_VALUE), reading(sensor, "2026-03-01T10:02:00Z", 3)));

        Answer series = api.get("sensors/" + sensor + "/series?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z");
        Answer day = api.get("daily_aggregations/" + sensor + "/2026-03-01");

        assertEquals(1, series.object().getJsonArray("points").getJsonObject(0).getJsonNumber("mean").doubleValue());
        assertEquals(200, day.status(), day.body());
        assertEquals(1, day.object().getJsonNumber("mean").doubleValue());
    }

    @Test
    void refusesMoreThanTenThousandBucketsAndUnknownBuckets() {
        String sensor = sensor(api, "C");

        Answer tooMany = api.get("sensors/" + sensor + "/series?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z"
                + "&bucket=PT1S");
        Answer unknown = api.get("sensors/" + sensor + "/series?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z"
                + "&bucket=PT2H");
        Answer backwards = api.get("sensors/" + sensor + "/series?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        assertEquals(400, tooMany.status(), tooMany.body());
        assertEquals("bucket", tooMany.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(400, backwards.status(), backwards.body());
        assertEquals(404, api.get("sensors/no-such/series?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")
                .status());
    }

    @Test
    void answersCsvWithTheJsonFieldNames() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", 1.5)));

        Answer csv = api.get("sensors/" + sensor + "/series?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z"
                + "&bucket=P1D", "text/csv");

        assertEquals(200, csv.status(), csv.body());
        assertEquals("start,end,count,min,max,mean,first,last\r\n"
                + "2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,1,1.5,1.5,1.5,1.5,1.5\r\n", csv.body());
    }

    @Test
    void keepsTheSignOfZeroInFirstLastMinAndMaxWhetherBlocksAreReadByHeaderOrReading() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", -0.0),
                reading(sensor, "2026-03-01T10:00:01Z", 0.0), reading(sensor, "2026-03-01T10:30:00Z", -0.0)));
        String series = "sensors/" + sensor + "/series?";

        Answer byHeader = api.get(series + "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&bucket=P1D");
        Answer byReading = api.get(series + "from=2026-03-01T10:00:00Z&to=2026-03-01T11:00:00Z&bucket=PT1M");
        Answer csv = api.get(series + "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&bucket=P1D", "text/csv");

        assertTrue(byHeader.body().contains("\"count\":3,\"min\":-0.0,\"max\":0.0,\"mean\":0.0,\"first\":-0.0,"
                + "\"last\":-0.0}"), byHeader.body());
        assertTrue(byReading.body().contains("\"count\":2,\"min\":-0.0,\"max\":0.0,\"mean\":0.0,\"first\":-0.0,"
                + "\"last\":0.0}"), byReading.body());
        assertTrue(byReading.body().contains("\"count\":1,\"min\":-0.0,\"max\":-0.0,\"mean\":0.0,"
                + "\"first\":-0.0,\"last\":-0.0}"), byReading.body());
        assertTrue(csv.body().endsWith(",3,-0.0,0.0,0.0,-0.0,-0.0\r\n"), csv.body());
    }

    @Test
    void summarisesTheFirstAndTheLastInstantsKept() {
        String sensor = sensorAtBothEnds(api);
        String series = "sensors/" + sensor + "/series?";

        JsonObject first = onlyPoint(api.get(series + "from=" + FIRST + "&to=0001-01-01T00:00:00.000001Z"));
        JsonObject firstMonth = onlyPoint(api.get(series + "from=" + FIRST + "&to=0001-02-01T00:00:00Z&bucket=P1M"));
        JsonObject last = onlyPoint(api.get(series + "from=" + LAST + "&to=" + END));
        JsonObject lastSecond = onlyPoint(api.get(series + "from=9999-12-31T23:59:59Z&to=" + END + "&bucket=PT1S"));
        JsonObject lastMonth = onlyPoint(api.get(series + "from=9999-12-01T00:00:00Z&to=" + END + "&bucket=P1M"));

        assertEquals(List.of(1, 1.0, 1.0), List.of(first.getInt("count"), first.getJsonNumber("first").doubleValue(),
                first.getJsonNumber("last").doubleValue()));
        assertEquals(List.of(2, 1.0, 2.0), List.of(firstMonth.getInt("count"),
                firstMonth.getJsonNumber("first").doubleValue(), firstMonth.getJsonNumber("last").doubleValue()));
        assertEquals(List.of(1, 4.0, 4.0), List.of(last.getInt("count"), last.getJsonNumber("min").doubleValue(),
                last.getJsonNumber("max").doubleValue()));
        assertEquals(List.of(2, 3.0, 4.0, "+10000-01-01T00:00:00Z"), List.of(lastSecond.getInt("count"),
                lastSecond.getJsonNumber("first").doubleValue(), lastSecond.getJsonNumber("last").doubleValue(),
                lastSecond.getString("end")));
        assertEquals(List.of(2, 3.5), List.of(lastMonth.getInt("count"),
                lastMonth.getJsonNumber("mean").doubleValue()));
    }

    private static JsonObject onlyPoint(Answer series) {
        assertEquals(200, series.status(), series.body());
        JsonArray points = series.object().getJsonArray("points");
        assertEquals(1, points.size(), series.body());
        return points.getJsonObject(0);
    }

    private static List<Integer> counts(JsonArray points) {
        List<Integer> counts = new ArrayList<>();
        points.forEach(p -> counts.add(p.asJsonObject().getInt("count")));
        return counts;
    }

    @Test
    void answersNumpysPercentilesOfEachBucket() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", 4),
                reading(sensor, "2026-03-01T10:20:00Z", -2), reading(sensor, "2026-03-01T10:40:00Z", 1),
                reading(sensor, "2026-03-01T10:50:00Z", 8), reading(sensor, "2026-03-01T13:30:00Z", 9)));

        Answer series = api.get("sensors/" + sensor + "/series?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z"
                + "&bucket=PT1H&percentiles=50,90");

        assertEquals(200, series.status(), series.body());
        JsonArray points = series.object().getJsonArray("points");
        assertEquals(2, points.size());
        // numpy.percentile([4, -2, 1, 8], [50, 90]) and of [9]
        assertEquals("{\"50\":2.5,\"90\":6.800000000000001}",
                points.getJsonObject(0).getJsonObject("percentiles").toString());
        assertEquals("{\"50\":9.0,\"90\":9.0}", points.getJsonObject(1).getJsonObject("percentiles").toString());
    }

    @Test
    void fillsEveryBucketOfTheRangeAsAsked() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:15:00Z", 2),
                reading(sensor, "2026-03-01T13:15:00Z", 8)));
        String range = "sensors/" + sensor + "/series?from=2026-03-01T09:00:00Z&to=2026-03-01T15:00:00Z"
                + "&bucket=PT1H&percentiles=50&fill=";

        JsonArray nulls = api.get(range + "null").object().getJsonArray("points");
        JsonArray previous = api.get(range + "previous").object().getJsonArray("points");
        JsonArray linear = api.get(range + "linear").object().getJsonArray("points");

        assertEquals(List.of(0, 1, 0, 0, 1, 0), counts(nulls));
        assertEquals(JsonValue.NULL, nulls.getJsonObject(2).get("mean"));
        assertEquals(JsonValue.NULL, nulls.getJsonObject(2).getJsonObject("percentiles").get("50"));
        assertEquals("2026-03-01T11:00:00Z", nulls.getJsonObject(2).getString("start"));
        assertEquals(JsonValue.NULL, previous.getJsonObject(0).get("mean"));
        assertEquals(2, previous.getJsonObject(3).getJsonNumber("mean").doubleValue());
        assertEquals(8, previous.getJsonObject(5).getJsonNumber("max").doubleValue());
        assertEquals(0, previous.getJsonObject(5).getInt("count"));
        assertEquals(4, linear.getJsonObject(2).getJsonNumber("mean").doubleValue());
        assertEquals(6, linear.getJsonObject(3).getJsonObject("percentiles").getJsonNumber("50").doubleValue());
        assertEquals(JsonValue.NULL, linear.getJsonObject(5).get("first"));
        assertEquals(400, api.get(range + "none").status());
    }

    @Test
    void namesEachPercentileAsAColumnOfTheCsv() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", 1.5)));

        Answer csv = api.get("sensors/" + sensor + "/series?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z"
                + "&bucket=P1D&percentiles=5,99.9", "text/csv");

        assertEquals(200, csv.status(), csv.body());
        assertEquals("start,end,count,min,max,mean,first,last,p5,p99.9\r\n"
                + "2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,1,1.5,1.5,1.5,1.5,1.5,1.5,1.5\r\n", csv.body());
    }
}
