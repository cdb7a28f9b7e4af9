package sensorhub.readings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sensorhub.testing.Fixtures.END;
import static sensorhub.testing.Fixtures.FIRST;
import static sensorhub.testing.Fixtures.LAST;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;
import static sensorhub.testing.Fixtures.sensorAtBothEnds;
import static sensorhub.testing.Fixtures.storedReadings;

import jakarta.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Deployments;

class SensorReadingsResourceIT extends BlackBoxTest {

    static final String YEAR = "from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";

    @Test
    void exportsTheWholeRangeAsCsvThatReImportsUnchanged() {
        // An id with a comma and quotes, which CSV must quote on the way out and read back on the way in.
        String sensor = "csv," + Deployments.unique("s") + "\"q\"";
        assertEquals(201, api.post("sensors", "[{\"id\":\"%s\",\"name\":\"n\",\"type\":\"t\",\"unit\":\"C\"}]"
                .formatted(sensor.replace("\"", "\\\""))).status());
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 25_000; i++) {
            batch.append(i == 0 ? "" : ",").append(reading(sensor.replace("\"", "\\\""),
                    java.time.Instant.parse("2026-02-01T00:00:00Z").plusMillis(1500L * i).toString(), i * 0.25 - 7));
        }
        assertEquals(201, api.post("sensor_values", batch.append(']').toString()).status());

        Answer csv = api.get("sensors/" + encoded(sensor) + "/values?" + YEAR, "text/csv");

        assertEquals(200, csv.status(), csv.body().substring(0, Math.min(300, csv.body().length())));
        String[] lines = csv.body().split("\r\n");
        assertEquals(25_001, lines.length);
        assertEquals("sensor_id,creation_date,value", lines[0]);
        assertEquals("\"" + sensor.replace("\"", "\"\"") + "\",2026-02-01T00:00:00Z,-7.0", lines[1]);
        Answer again = api.post("sensor_values", "text/csv", csv.body());
        assertEquals(201, again.status(), again.body());
        assertEquals(0, again.object().getInt("inserted"));
        assertEquals(25_000, again.object().getInt("unchanged"));
    }

    @Test
    void answersNegativeZeroAsStoredInJsonAndCsv() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:00:00Z", -0.0),
                reading(sensor, "2026-01-02T03:00:01Z", 0.0), reading(sensor, "2026-01-02T03:00:02Z", -0.0)));

        Answer json = api.get("sensors/" + sensor + "/values?" + YEAR);
        Answer csv = api.get("sensors/" + sensor + "/values?" + YEAR, "text/csv");

        assertEquals("[{\"creation_date\":\"2026-01-02T03:00:00Z\",\"value\":-0.0},"
                + "{\"creation_date\":\"2026-01-02T03:00:01Z\",\"value\":0.0},"
                + "{\"creation_date\":\"2026-01-02T03:00:02Z\",\"value\":-0.0}]", json.body());
        assertEquals("sensor_id,creation_date,value\r\n" + sensor + ",2026-01-02T03:00:00Z,-0.0\r\n" + sensor
                + ",2026-01-02T03:00:01Z,0.0\r\n" + sensor + ",2026-01-02T03:00:02Z,-0.0\r\n", csv.body());
    }

    @Test
    void readsEachInstantAtBothEndsOfTheYearsKeptAtThatInstant() {
        String sensor = sensorAtBothEnds(api);
        String values = "sensors/" + sensor + "/values?";

        assertEquals(List.of(FIRST), times(api.get(values + "from=" + FIRST + "&to=0001-01-01T00:00:00.000001Z")));
        assertEquals(List.of("0001-01-01T00:00:00.000001Z"), times(api.get(values
                + "from=0001-01-01T00:00:00.000001Z&to=0001-01-01T00:00:00.000002Z")));
        assertEquals(List.of("9999-12-31T23:59:59.999998Z"), times(api.get(values
                + "from=9999-12-31T23:59:59.999998Z&to=" + LAST)));
        assertEquals(List.of(LAST), times(api.get(values + "from=" + LAST + "&to=" + END)));
        List<String> paged = new ArrayList<>();
        for (Answer page = api.get(values + "from=" + FIRST + "&to=" + END + "&limit=1");;
                page = api.follow(page.next().orElseThrow())) {
            paged.addAll(times(page));
            if (page.next().isEmpty()) {
                break;
            }
        }
        assertEquals(List.of(FIRST, "0001-01-01T00:00:00.000001Z", "9999-12-31T23:59:59.999998Z", LAST), paged);
        assertEquals(5, api.get(values + "from=" + FIRST + "&to=" + END, "text/csv").body().split("\r\n").length);
        assertEquals(1, api.delete(values + "from=" + LAST + "&to=" + END).object().getInt("deleted"));
        assertEquals(3, storedReadings(sensor));
    }

    private static List<String> times(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.array().stream().map(r -> r.asJsonObject().getString("creation_date")).toList();
    }

    @Test
    void answersAnUnknownSensorsExportWithA404() {
        assertEquals(404, api.get("sensors/no-such-sensor/values?" + YEAR, "text/csv").status());
    }

    @Test
    void deletesARangeAtOnceAndForgetsTheStatisticsOfItsDays() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-03-01T10:00:00Z", 1),
                reading(sensor, "2026-03-01T11:00:00Z", 2), reading(sensor, "2026-03-01T12:00:00Z", 3),
                reading(sensor, "2026-03-02T12:00:00Z", 4)));
        assertEquals(3, api.get("daily_aggregations/" + sensor + "/2026-03-01").object().getInt("count"));

        Answer deleted = api.delete("sensors/" + sensor + "/values?from=2026-03-01T10:30:00Z&to=2026-03-02T00:00:00Z");

        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(2, deleted.object().getInt("deleted"));
        assertEquals(2, storedReadings(sensor));
        assertEquals(1, api.get("daily_aggregations/" + sensor + "/2026-03-01").object().getInt("count"));
        JsonArray left = api.get("sensors/" + sensor + "/values?" + YEAR).array();
        assertEquals("2026-03-01T10:00:00Z", left.getJsonObject(0).getString("creation_date"));
        assertEquals("2026-03-02T12:00:00Z", left.getJsonObject(1).getString("creation_date"));
    }

    @Test
    void refusesADeleteWithoutBothBoundsOrOfAnUnknownSensor() {
        String sensor = sensor(api, "C");

        assertEquals(400, api.delete("sensors/" + sensor + "/values?from=2026-03-01T00:00:00Z").status());
        assertEquals(404, api.delete("sensors/no-such-sensor/values?" + YEAR).status());
    }

    private static String encoded(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
