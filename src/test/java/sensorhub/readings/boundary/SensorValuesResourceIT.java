package sensorhub.readings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;
import static sensorhub.testing.Fixtures.sensorAtBothEnds;
import static sensorhub.testing.Fixtures.series;
import static sensorhub.testing.Fixtures.storedReadings;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Api.Answer;

class SensorValuesResourceIT extends BlackBoxTest {

    static final int MAX_BATCH = 100_000;

    @Test
    void storesAJsonBatchAndCountsWhatItInserted() {
        String sensor = sensor(api, "C");

        Answer stored = api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:04:05.123456Z", 1.5),
                reading(sensor, "2026-01-02T04:00:00", -2), reading(sensor, "2026-01-02T06:00:00+01:00", 4)));

        assertEquals(201, stored.status(), stored.body());
        assertEquals(3, stored.object().getInt("inserted"));
        assertEquals(0, stored.object().getInt("unchanged"));
        assertEquals(3, storedReadings(sensor));
    }

    @Test
    void countsReSentIdenticalReadingsAsUnchanged() {
        String sensor = sensor(api, "C");
        String first = reading(sensor, "2026-01-02T03:00:00Z", 1.5);
        api.post("sensor_values", readings(first));

        Answer again = api.post("sensor_values", readings(first, first, reading(sensor, "2026-01-02T04:00:00Z", 2)));

        assertEquals(201, again.status(), again.body());
        assertEquals(1, again.object().getInt("inserted"));
        assertEquals(2, again.object().getInt("unchanged"));
        assertEquals(2, storedReadings(sensor));
    }

    @Test
    void keepsNegativeZeroFromJsonAndCsvAndTakesAZeroOfEitherSignAgainAsUnchanged() {
        String sensor = sensor(api, "C");
        String csv = "sensor_id,creation_date,value\n" + sensor + ",2026-01-02T03:00:02Z,";
        assertEquals(201, api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:00:00Z", -0.0),
                reading(sensor, "2026-01-02T03:00:01Z", 0.0))).status());
        assertEquals(201, api.post("sensor_values", "text/csv", csv + "-0\n").status());

        Answer again = api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:00:00Z", 0.0),
                reading(sensor, "2026-01-02T03:00:01Z", -0.0)));
        Answer againAsCsv = api.post("sensor_values", "text/csv", csv + "0.0\n");

        assertEquals(201, again.status(), again.body());
        assertEquals(2, again.object().getInt("unchanged"));
        assertEquals(0, again.object().getInt("inserted"));
        assertEquals(201, againAsCsv.status(), againAsCsv.body());
        assertEquals(1, againAsCsv.object().getInt("unchanged"));
        Answer day = api.get("sensor_values/" + sensor + "/2026-01-02");
        assertTrue(day.body().contains("\"values\":[-0.0,0.0,-0.0]"), "what was stored first, bit for bit: " + day);
    }

    @Test
    void refusesAnotherValueForAStoredReadingAndWritesNothing() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:00:00Z", 1.5)));

        Answer conflict = api.post("sensor_values", readings(reading(sensor, "2026-01-02T04:00:00Z", 7),
                reading(sensor, "2026-01-02T03:00:00Z", 9.5)));

        assertEquals(409, conflict.status(), conflict.body());
        assertEquals("[1].value", conflict.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(1, storedReadings(sensor));
    }

    @Test
    void refusesTwoValuesForOneTimeInOneBatch() {
        String sensor = sensor(api, "C");

        Answer conflict = api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:00:00Z", 1),
                reading(sensor, "2026-01-02T03:00:00Z", 2)));

        assertEquals(409, conflict.status(), conflict.body());
        assertEquals(0, storedReadings(sensor));
    }

    @Test
    void refusesReadingsOfUnknownSensorsNamingTheItemsAndWritesNothing() {
        String sensor = sensor(api, "C");

        Answer unknown = api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:00:00Z", 1),
                reading("no-such-sensor", "2026-01-02T03:00:00Z", 2)));

        assertEquals(422, unknown.status(), unknown.body());
        assertEquals("application/problem+json", unknown.contentType());
        assertEquals("[1].sensor_id", unknown.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, storedReadings(sensor));
    }

    @Test
    void refusesInvalidReadingsNamingIndexAndFieldAndWritesNothing() {
        String sensor = sensor(api, "C");

        Answer invalid = api.post("sensor_values", "[" + reading(sensor, "2026-01-02T03:00:00Z", 1)
                + ",{\"sensor_id\":\"" + sensor + "\",\"creation_date\":\"yesterday\",\"value\":1}"
                + ",{\"sensor_id\":\"" + sensor + "\",\"creation_date\":\"2026-01-02T03:00:01Z\",\"value\":\"7\"}"
                + ",{\"creation_date\":\"2026-01-02T03:00:02Z\",\"value\":1e999}]");

        assertEquals(400, invalid.status(), invalid.body());
        List<String> fields = invalid.object().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList();
        assertEquals(List.of("[1].creation_date", "[2].value", "[3].sensor_id", "[3].value"), fields);
        assertEquals(0, storedReadings(sensor));
    }

    @Test
    void refusesBodiesThatAreNotBatches() {
        assertEquals(400, api.post("sensor_values", "{\"sensor_id\":\"x\"}").status());
        assertEquals(400, api.post("sensor_values", "[").status());
        assertEquals(400, api.post("sensor_values", "[]").status());
        assertEquals(400, api.post("sensor_values", "text/csv", "id,when,what\nx,2026-01-01T00:00:00Z,1").status());
        assertEquals(415, api.post("sensor_values", "text/plain", "x").status());
    }

    @Test
    void storesCsvWithTheHeaderInAnyOrder() {
        String sensor = sensor(api, "C");

        Answer stored = api.post("sensor_values", "text/csv", "value,sensor_id,creation_date\n"
                + "1.5," + sensor + ",2026-01-02T03:00:00Z\n\n" + "2.5," + sensor + ",2026-01-02T04:00:00Z\n");

        assertEquals(201, stored.status(), stored.body());
        assertEquals(2, stored.object().getInt("inserted"));
        assertEquals(2, storedReadings(sensor));
    }

    @Test
    void acceptsTheConfiguredBatchLimitAndRefusesOneMoreWith413() {
        String sensor = sensor(api, "C");
        StringBuilder csv = new StringBuilder("sensor_id,creation_date,value\n");
        Instant start = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < MAX_BATCH; i++) {
            csv.append(sensor).append(',').append(start.plusSeconds(i)).append(',').append(i % 97).append('\n');
        }

        Answer full = api.post("sensor_values", "text/csv", csv.toString());
        Answer tooMany = api.post("sensor_values", "text/csv",
                csv.append(sensor).append(",2027-01-01T00:00:00Z,1\n").toString());

        assertEquals(201, full.status(), full.body());
        assertEquals(MAX_BATCH, full.object().getInt("inserted"));
        assertEquals(413, tooMany.status(), tooMany.body());
        assertEquals(MAX_BATCH, storedReadings(sensor));
    }

    @Test
    void readsADayInTimeOrderWithTheUnit() {
        String sensor = sensor(api, "hPa");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T23:59:59.999999Z", 3),
                reading(sensor, "2026-01-02T00:00:00Z", 1), reading(sensor, "2026-01-03T00:00:00Z", 99),
                reading(sensor, "2026-01-02T12:00:00Z", 2)));

        JsonObject day = api.get("sensor_values/" + sensor + "/2026-01-02").object();

        assertEquals("hPa", day.getString("unit"));
        assertEquals(List.of(1.0, 2.0, 3.0), doubles(day.getJsonArray("values")));
    }

    @Test
    void readsADayInTheNamedZoneWith25HoursWhenClocksGoBack() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", series(sensor, Instant.parse("2026-10-24T20:00:00Z"),
                Instant.parse("2026-10-26T03:00:00Z"), 3600));

        JsonArray berlin = api.get("sensor_values/" + sensor + "/2026-10-25?zone=Europe/Berlin").object()
                .getJsonArray("values");
        JsonArray utc = api.get("sensor_values/" + sensor + "/2026-10-25").object().getJsonArray("values");

        assertEquals(25, berlin.size(), "Berlin's 2026-10-25 runs from 22:00Z to 23:00Z the next day");
        assertEquals(2.0, berlin.getJsonNumber(0).doubleValue(), "the first is 2026-10-24T22:00Z");
        assertEquals(24, utc.size());
    }

    @Test
    void readsTheFirstAndTheLastDayOfTheYearsKept() {
        String sensor = sensorAtBothEnds(api);

        assertEquals(List.of(1.0, 2.0), doubles(api.get("sensor_values/" + sensor + "/0001-01-01").object()
                .getJsonArray("values")));
        assertEquals(List.of(3.0, 4.0), doubles(api.get("sensor_values/" + sensor + "/9999-12-31").object()
                .getJsonArray("values")));
    }

    @Test
    void refusesBadDaysAndZonesAndUnknownSensors() {
        String sensor = sensor(api, "C");

        Answer badDate = api.get("sensor_values/" + sensor + "/2026-02-30");
        Answer badZone = api.get("sensor_values/" + sensor + "/2026-02-01?zone=Mars/Olympus");
        Answer unknown = api.get("sensor_values/no-such-sensor/2026-02-01");

        assertEquals(400, badDate.status());
        assertEquals("date", badDate.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, badZone.status());
        assertEquals("zone", badZone.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(404, unknown.status());
    }

    @Test
    void listsARangeExactToTheMicrosecondInTimeOrder() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T03:00:00.000001Z", 1),
                reading(sensor, "2026-01-02T03:00:00Z", 0), reading(sensor, "2026-01-02T04:00:00Z", 2)));

        Answer range = api.get("sensors/" + sensor + "/values?from=2026-01-02T03:00:00Z&to=2026-01-02T04:00:00Z");

        assertEquals(200, range.status(), range.body());
        JsonArray values = range.array();
        assertEquals(2, values.size(), "from is inclusive, to exclusive");
        assertEquals("2026-01-02T03:00:00Z", values.getJsonObject(0).getString("creation_date"));
        assertEquals("2026-01-02T03:00:00.000001Z", values.getJsonObject(1).getString("creation_date"));
        assertEquals(1.0, values.getJsonObject(1).getJsonNumber("value").doubleValue());
    }

    @Test
    void pagesARangeByKeyNeitherSkippingNorRepeatingAReadingInsertedMeanwhile() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", series(sensor, Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-02T00:10:00Z"), 60));
        String range = "sensors/" + sensor + "/values?from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z&limit=4";

        Answer first = api.get(range);
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T00:00:30Z", 100),
                reading(sensor, "2026-01-02T00:09:30Z", 200)));
        Answer second = api.follow(first.next().orElseThrow());
        Answer third = api.follow(second.next().orElseThrow());

        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), values(first));
        assertEquals(List.of(4.0, 5.0, 6.0, 7.0), values(second));
        assertEquals(List.of(8.0, 9.0, 200.0), values(third), "the earlier insert is not seen, the later one is");
        assertTrue(third.next().isEmpty());
    }

    @Test
    void refusesBadRangeParameters() {
        String sensor = sensor(api, "C");
        String values = "sensors/" + sensor + "/values";

        assertEquals(400, api.get(values + "?to=2026-01-02T00:00:00Z").status());
        assertEquals(400, api.get(values + "?from=soon&to=2026-01-02T00:00:00Z").status());
        assertEquals(400, api.get(values + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&limit=0").status());
        assertEquals(400, api.get(values + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&after=x").status());
        assertEquals(404, api.get("sensors/no-such-sensor/values?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")
                .status());
    }

    private static List<Double> doubles(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().map(JsonNumber::doubleValue).toList();
    }

    private static List<Double> values(Answer page) {
        assertEquals(200, page.status(), page.body());
        return page.array().stream().map(r -> r.asJsonObject().getJsonNumber("value").doubleValue()).toList();
    }
}
