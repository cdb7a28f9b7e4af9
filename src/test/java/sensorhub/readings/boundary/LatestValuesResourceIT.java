package sensorhub.readings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;
import static sensorhub.testing.Fixtures.sensorAtBothEnds;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;

class LatestValuesResourceIT extends BlackBoxTest {

    @Test
    void answersTheNewestReadingOfEachSensorThatHasOne() {
        String late = sensor(api, "C");
        String early = sensor(api, "kPa");
        String silent = sensor(api, "C");
        api.post("sensor_values", readings(reading(late, "2026-03-01T10:00:00Z", 1),
                reading(late, "2026-03-05T10:00:00Z", 2), reading(late, "2026-03-02T10:00:00Z", 3),
                reading(early, "2025-01-01T00:00:00.000001Z", 4)));

        Answer latest = api.get("latest_values?limit=1000");

        assertEquals(200, latest.status(), latest.body());
        Map<String, JsonObject> bySensor = latest.array().stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(v -> v.getString("sensor_id"), v -> v));
        assertEquals("2026-03-05T10:00:00Z", bySensor.get(late).getString("creation_date"));
        assertEquals(2, bySensor.get(late).getJsonNumber("value").doubleValue());
        assertEquals("kPa", bySensor.get(early).getString("unit"));
        assertEquals("2025-01-01T00:00:00.000001Z", bySensor.get(early).getString("creation_date"));
        assertTrue(!bySensor.containsKey(silent));
    }

    @Test
    void answersANewestReadingOfNegativeZeroAsStored() {
        String negative = sensor(api, "C");
        String positive = sensor(api, "C");
        api.post("sensor_values", readings(reading(negative, "2026-03-01T10:00:00Z", 1.5),
                reading(negative, "2026-03-01T10:00:01Z", -0.0), reading(positive, "2026-03-01T10:00:00Z", -0.0),
                reading(positive, "2026-03-01T10:00:01Z", 0.0)));

        Answer latest = api.get("latest_values?limit=2");

        assertTrue(latest.body().contains("{\"sensor_id\":\"" + negative
                + "\",\"creation_date\":\"2026-03-01T10:00:01Z\",\"value\":-0.0,"), latest.body());
        assertTrue(latest.body().contains("{\"sensor_id\":\"" + positive
                + "\",\"creation_date\":\"2026-03-01T10:00:01Z\",\"value\":0.0,"), latest.body());
    }

    @Test
    void answersAReadingAtTheLastInstantKept() {
        String sensor = sensorAtBothEnds(api);

        Answer latest = api.get("latest_values?type=" + sensor);

        assertEquals(200, latest.status(), latest.body());
        JsonObject only = latest.array().getJsonObject(0);
        assertEquals(List.of(sensor, "9999-12-31T23:59:59.999999Z", 4.0), List.of(only.getString("sensor_id"),
                only.getString("creation_date"), only.getJsonNumber("value").doubleValue()));
    }

    @Test
    void pagesAndFiltersAsTheSensorsDo() {
        String first = sensor(api, "C");
        api.post("sensor_values", readings(reading(first, "2026-03-01T10:00:00Z", 1)));

        Answer page = api.get("latest_values?limit=1");

        assertEquals(200, page.status(), page.body());
        assertTrue(page.next().isPresent(), "a next page");
        assertEquals(400, api.get("latest_values?limit=0").status());
        assertEquals(400, api.get("latest_values?active=yes").status());
    }
}
