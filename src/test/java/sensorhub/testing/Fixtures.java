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

    /** The first and last instants kept, and the end of them: a range's {@code to} in a URL. */
    public static final String FIRST = "0001-01-01T00:00:00Z";
    public static final String LAST = "9999-12-31T23:59:59.999999Z";
    public static final String END = "%2B10000-01-01T00:00:00Z";

    /**
     * Registers a sensor of a type of its own (its id) with readings at the first two and the last two instants
     * kept, valued 1, 2, 3 and 4, and returns the id.
     */
    public static String sensorAtBothEnds(Api api) {
        String id = Deployments.unique("ends");
        assertEquals(201, api.post("sensors", "[{\"id\":\"%s\",\"name\":\"n\",\"type\":\"%s\",\"unit\":\"C\"}]"
                .formatted(id, id)).status());
        Api.Answer stored = api.post("sensor_values", readings(reading(id, LAST, 4), reading(id, FIRST, 1),
                reading(id, "9999-12-31T23:59:59.999998Z", 3), reading(id, "0001-01-01T00:00:00.000001Z", 2)));
        assertEquals(201, stored.status(), stored.body());
        return id;
    }

    public static long storedReadings(String sensorId) {
        return Database.number("SELECT COALESCE(SUM(b.reading_count), 0) FROM reading_blocks b JOIN sensors s "
                + "ON s.sensor_key = b.sensor_key "
                + "WHERE s.id = ?", sensorId);
    }
}
