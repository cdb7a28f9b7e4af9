package sensorhub.statistics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;

class SensorStatisticsResourceIT extends BlackBoxTest {

    private static final String DAY = "from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z";

    @Test
    void answersNumpysPercentilesOverReadingsOfSeveralHours() {
        String sensor = sensor(api, "C");
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            // 0 to 100 out of order, a reading every 7 minutes: a dozen hour blocks
            int value = (i * 37) % 101;
            items.add(reading(sensor, Instant.parse("2026-05-01T06:00:00Z").plusSeconds(420L * i).toString(),
                    value));
        }
        api.post("sensor_values", readings(items.toArray(String[]::new)));

        Answer answer = api.get("sensors/" + sensor + "/statistics?" + DAY + "&percentiles=5,50,99.9,0,100,33.3");

        assertEquals(200, answer.status(), answer.body());
        JsonObject statistics = answer.object();
        assertEquals(101, statistics.getInt("count"));
        assertEquals(0, statistics.getJsonNumber("min").doubleValue());
        assertEquals(100, statistics.getJsonNumber("max").doubleValue());
        assertEquals(50, statistics.getJsonNumber("mean").doubleValue());
        // numpy.percentile(numpy.arange(101.0), [5, 50, 99.9, 0, 100, 33.3]), keys in the order asked
        assertEquals("{\"5\":5.0,\"50\":50.0,\"99.9\":99.9,\"0\":0.0,\"100\":100.0,\"33.3\":33.3}",
                statistics.getJsonObject("percentiles").toString());
        assertEquals("2026-05-01T00:00:00Z", statistics.getString("from"));
    }

    @Test
    void countsFromInclusiveAndToExclusive() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-05-01T09:59:59.999999Z", 100),
                reading(sensor, "2026-05-01T10:00:00Z", 3.5), reading(sensor, "2026-05-01T10:30:00Z", -1),
                reading(sensor, "2026-05-01T10:45:00Z", 2.25), reading(sensor, "2026-05-01T11:10:00Z", 8),
                reading(sensor, "2026-05-01T11:59:59Z", 2.25), reading(sensor, "2026-05-01T12:00:00Z", -100)));

        Answer answer = api.get("sensors/" + sensor + "/statistics?from=2026-05-01T10:00:00Z"
                + "&to=2026-05-01T12:00:00Z&percentiles=25,50,90");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(5, answer.object().getInt("count"));
        assertEquals(-1, answer.object().getJsonNumber("min").doubleValue());
        assertEquals(8, answer.object().getJsonNumber("max").doubleValue());
        assertEquals(3, answer.object().getJsonNumber("mean").doubleValue());
        // numpy.percentile([3.5, -1, 2.25, 8, 2.25], [25, 50, 90])
        assertEquals("{\"25\":2.25,\"50\":2.25,\"90\":6.2}", answer.object().getJsonObject("percentiles").toString());
    }

    @Test
    void answersCountZeroAndNullsForARangeWithoutReadings() {
        String sensor = sensor(api, "C");

        Answer answer = api.get("sensors/" + sensor + "/statistics?" + DAY + "&percentiles=50.0,99");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(0, answer.object().getInt("count"));
        assertEquals(JsonValue.NULL, answer.object().get("mean"));
        assertEquals("{\"50.0\":null,\"99\":null}", answer.object().getJsonObject("percentiles").toString());
    }

    @Test
    void answersNoPercentilesWhereNoneAreAsked() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-05-01T10:00:00Z", 4)));

        Answer answer = api.get("sensors/" + sensor + "/statistics?" + DAY);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, answer.object().getInt("count"));
        assertEquals("{}", answer.object().getJsonObject("percentiles").toString());
    }

    @Test
    void refusesPercentilesThatAreNotNumbersFromZeroToAHundred() {
        String sensor = sensor(api, "C");

        for (String bad : List.of("101", "-5", "5,,50", "1e2", "NaN", "50,50", "0x10", "5%2050")) {
            Answer answer = api.get("sensors/" + sensor + "/statistics?" + DAY + "&percentiles=" + bad);

            assertEquals(400, answer.status(), bad + ": " + answer.body());
            assertEquals("application/problem+json", answer.contentType());
            assertTrue(answer.body().contains("percentiles"), answer.body());
        }
    }

    @Test
    void refusesABackwardsOrOpenRangeAndAnUnknownSensor() {
        String sensor = sensor(api, "C");

        assertEquals(400, api.get("sensors/" + sensor + "/statistics?from=2026-05-02T00:00:00Z"
                + "&to=2026-05-01T00:00:00Z").status());
        assertEquals(400, api.get("sensors/" + sensor + "/statistics?from=2026-05-01T00:00:00Z").status());
        assertEquals(404, api.get("sensors/no-such-sensor/statistics?" + DAY).status());
    }

    @Test
    void needsAKeyThatMayRead() {
        String sensor = sensor(api, "C");

        assertEquals(401, api.as(null).get("sensors/" + sensor + "/statistics?" + DAY).status());
    }
}
