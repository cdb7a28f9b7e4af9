package sensorhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test data made through the API: sensors with unique ids, and reading batches as JSON. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Registers a sensor with a fresh id and the given unit, and returns the id. */
    public static String sensor(Api api, String unit) {
        String id = Deployments.unique("sensor");
        Api.Answer created = api.post("sensors",
                "[{\"id\":\"%s\",\"name\":\"n\",\"type\":\"t\",\"unit\":\"%s\"}]".formatted(id, unit));
        assertEquals(201, created.status(), created.body());
        return id;
    }

    public static String reading(String sensorId, String creationDate, double value) {
        return "{\"sensor_id\":\"%s\",\"creation_date\":\"%s\",\"value\":%s}".formatted(sensorId, creationDate,
                value);
    }

    public static String readings(String... readings) {
        return "[" + String.join(",", readings) + "]";
    }

    /** Readings every {@code stepSeconds} from {@code first} (inclusive) to {@code end} (exclusive), valued 0, 1, 2... */
    public static String series(String sensorId, Instant first, Instant end, long stepSeconds) {
        List<String> items = new ArrayList<>();
        int n = 0;
        for (Instant t = first; t.isBefore(end); t = t.plusSeconds(stepSeconds)) {
            items.add(reading(sensorId, t.toString(), n++));
        }
        return readings(items.toArray(String[]::new));
    }

    public static long storedReadings(String sensorId) {
        return Database.number("SELECT COALESCE(SUM(b.reading_count), 0) FROM reading_blocks b JOIN sensors s "
                + "ON s.sensor_key = b.sensor_key "
                + "WHERE s.id = ?", sensorId);
    }
}
