package sensorhub.access.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import sensorhub.testing.Api;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Database;
import sensorhub.testing.Deployments;

/**
 * Walks every route of the contract with no key, a wrong key, a revoked key and a key of each single
 * permission, and checks each cell: 401, 403 or success; and that a refused request changed nothing.
 */
class PermissionMatrixIT extends BlackBoxTest {

    Map<String, String> keys;

    /**
     * A route: the target it acts on (made fresh where the call consumes it), how to call it, the permission
     * it needs, and the state a refused call must leave as it was.
     */
    record Route(String name, String permission, Supplier<String> target, BiFunction<Api, String, Answer> call,
            Function<String, Long> state) {
    }

    @BeforeEach
    void makeKeys() {
        keys = new LinkedHashMap<>();
        for (String permission : List.of("read", "write", "delete", "admin")) {
            keys.put(permission, newKey(permission, permission));
        }
    }

    private String newKey(String name, String permission) {
        Answer created = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"%s\"]}"
                .formatted(Deployments.unique(name), permission));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("key") + " " + created.object().getJsonNumber("id").longValue();
    }

    private String revokedKey() {
        String[] key = newKey("revoked", "admin").split(" ");
        api.delete("api_keys/" + key[1]);
        return key[0];
    }

    private List<Route> routes() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T01:00:00Z", 1)));
        Supplier<String> shared = () -> sensor;
        Supplier<String> freshSensor = () -> sensor(api, "C");
        Supplier<String> freshKey = () -> newKey("doomed", "read").split(" ")[1];
        Function<String, Long> nothing = target -> 0L;
        Function<String, Long> sensors = target -> Database.number("SELECT COUNT(*) FROM sensors");
        Function<String, Long> named = target -> Database.number(
                "SELECT COUNT(*) FROM sensors WHERE id = ? AND name = 'n'", target);
        Function<String, Long> values = target -> Database.number("SELECT COALESCE(SUM(reading_count), 0) FROM reading_blocks");
        Function<String, Long> activeKeys = target -> Database.number(
                "SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL");
        String sensorBody = "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"t\",\"unit\":\"C\"}";
        return List.of(
                new Route("GET /sensors", "read", shared, (api, id) -> api.get("sensors"), nothing),
                new Route("GET /sensors/{id}", "read", shared, (api, id) -> api.get("sensors/" + id), nothing),
                new Route("POST /sensors", "write", shared, (api, id) -> api.post("sensors",
                        "[" + sensorBody.formatted(Deployments.unique("new"), "n") + "]"), sensors),
                new Route("PUT /sensors/{id}", "write", freshSensor,
                        (api, id) -> api.put("sensors/" + id, sensorBody.formatted(id, "put")), named),
                new Route("PATCH /sensors/{id}", "write", freshSensor,
                        (api, id) -> api.patch("sensors/" + id, "{\"name\":\"patched\"}"), named),
                new Route("DELETE /sensors/{id}", "delete", freshSensor, (api, id) -> api.delete("sensors/" + id),
                        sensors),
                new Route("POST /sensor_values (JSON)", "write", shared, (api, id) -> api.post("sensor_values",
                        readings(reading(id, "2026-01-03T" + clock(), 2))), values),
                new Route("POST /sensor_values (CSV)", "write", shared, (api, id) -> api.post("sensor_values",
                        "text/csv", "sensor_id,creation_date,value\n" + id + ",2026-01-04T" + clock() + ",3\n"),
                        values),
                new Route("GET /sensor_values/{id}/{date}", "read", shared,
                        (api, id) -> api.get("sensor_values/" + id + "/2026-01-02"), nothing),
                new Route("GET /sensors/{id}/values", "read", shared, (api, id) -> api.get("sensors/" + id
                        + "/values?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z"), nothing),
                new Route("GET /daily_aggregations/{id}/{date}", "read", shared,
                        (api, id) -> api.get("daily_aggregations/" + id + "/2026-01-02"), nothing),
                new Route("GET /sensors/{id}/daily_aggregations", "read", shared, (api, id) -> api.get("sensors/"
                        + id + "/daily_aggregations?from=2026-01-01&to=2026-01-31"), nothing),
                new Route("POST /api_keys", "admin", shared, (api, id) -> api.post("api_keys",
                        "{\"name\":\"%s\",\"permissions\":[\"read\"]}".formatted(Deployments.unique("k"))),
                        activeKeys),
                new Route("GET /api_keys", "admin", shared, (api, id) -> api.get("api_keys"), nothing),
                new Route("DELETE /api_keys/{id}", "admin", freshKey, (api, id) -> api.delete("api_keys/" + id),
                        activeKeys));
    }

    private int ticks;

    /** A fresh time of day for each reading written, so that no write collides with another. */
    private String clock() {
        ticks++;
        return "%02d:%02d:%02dZ".formatted(ticks / 3600 % 24, ticks / 60 % 60, ticks % 60);
    }

    @Test
    void everyRouteAnswers401WithoutAValidKey() {
        Map<String, String> invalid = Map.of("no key", "", "wrong key", "not-a-key", "revoked key", revokedKey());
        List<Executable> cells = new ArrayList<>();
        for (Route route : routes()) {
            invalid.forEach((what, key) -> {
                String target = route.target().get();
                long before = route.state().apply(target);
                Answer answer = route.call().apply(api.as(key.isEmpty() ? null : key), target);
                long after = route.state().apply(target);
                cells.add(() -> assertEquals(401, answer.status(), route.name() + " with " + what));
                cells.add(() -> assertEquals("ApiKey", answer.header("WWW-Authenticate"), route.name()));
                cells.add(() -> assertEquals(before, after, route.name() + " with " + what + " changed state"));
            });
        }
        assertAll(cells);
    }

    @Test
    void everyRouteAnswersItsPermissionAndAdminAnd403ToTheOthers() {
        List<Executable> cells = new ArrayList<>();
        for (Route route : routes()) {
            keys.forEach((permission, key) -> {
                boolean allowed = permission.equals(route.permission()) || permission.equals("admin");
                String target = route.target().get();
                long before = route.state().apply(target);
                Answer answer = route.call().apply(api.as(key.split(" ")[0]), target);
                long after = route.state().apply(target);
                String cell = route.name() + " with a " + permission + " key: " + answer;
                if (allowed) {
                    cells.add(() -> assertTrue(answer.status() >= 200 && answer.status() < 300, cell));
                } else {
                    cells.add(() -> assertEquals(403, answer.status(), cell));
                    cells.add(() -> assertEquals(before, after, cell + " changed state"));
                }
            });
        }
        assertAll(cells);
    }
}
