package sensorhub.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.sensors.boundary.SensorsResourceIT.ids;
import static sensorhub.testing.Deployments.unique;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Database;

/** A sensor's tags (API.md, "Sensor tags"): written with the sensor, answered with it, and filtered by. */
class SensorTagsIT extends BlackBoxTest {

    static String tagged(String id, String tags) {
        return """
                {"id":"%s","name":"Air temperature","type":"temperature","unit":"°C","tags":%s}"""
                .formatted(id, tags);
    }

    private static Map<String, String> tags(JsonObject sensor) {
        return sensor.getJsonObject("tags").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()));
    }

    private static long tagRows(String id) {
        return Database.number("SELECT COUNT(*) FROM sensor_tags t JOIN sensors s ON s.sensor_key = t.sensor_key "
                + "WHERE s.id = ?", id);
    }

    @Test
    void registersTagsAndAnswersThemInKeyOrderAndNoneAsAnEmptyObject() {
        String id = unique("tags");
        String plain = unique("tags");

        Answer created = api.post("sensors", "[" + tagged(id, "{\"floor\":\"2\",\"building\":\"B7\"}") + ","
                + tagged(plain, "null") + "]");

        assertEquals(201, created.status(), created.body());
        assertEquals(List.of("building", "floor"),
                List.copyOf(created.array().getJsonObject(0).getJsonObject("tags").keySet()));
        assertEquals(Map.of("building", "B7", "floor", "2"), tags(api.get("sensors/" + id).object()));
        assertEquals(Map.of(), tags(api.get("sensors/" + plain).object()));
        assertEquals(2, tagRows(id));
    }

    @Test
    void filtersSensorsAndLatestValuesByEveryTagGivenExactly() {
        String building = unique("b");
        String both = unique("tags");
        String otherFloor = unique("tags");
        String untagged = unique("tags");
        api.post("sensors", "[" + tagged(both, "{\"building\":\"" + building + "\",\"floor\":\"2\"}") + ","
                + tagged(otherFloor, "{\"building\":\"" + building + "\",\"floor\":\"3\"}") + ","
                + tagged(untagged, "{}") + "]");
        api.post("sensor_values", readings(reading(both, "2026-03-01T10:00:00Z", 1),
                reading(otherFloor, "2026-03-01T10:00:00Z", 2)));

        assertEquals(List.of(both, otherFloor).stream().sorted().toList(),
                ids(api.get("sensors?tag=building:" + building)).stream().sorted().toList());
        assertEquals(List.of(both), ids(api.get("sensors?tag=building:" + building + "&tag=floor:2")));
        assertEquals(List.of(), ids(api.get("sensors?tag=building:" + building + "&tag=floor:2&tag=floor:3")));
        assertEquals(List.of(), ids(api.get("sensors?tag=building:" + building.toUpperCase())));
        assertEquals(List.of(), ids(api.get("sensors?tag=Building:" + building)));
        Answer latest = api.get("latest_values?tag=building:" + building + "&tag=floor:3");
        assertEquals(200, latest.status(), latest.body());
        assertEquals(List.of(otherFloor), latest.array().stream()
                .map(v -> v.asJsonObject().getString("sensor_id")).toList());
    }

    @Test
    void aValueMayHoldColonsAndTheFilterSplitsAtTheFirst() {
        String id = unique("tags");
        api.post("sensors", "[" + tagged(id, "{\"source\":\"http://gw-1:8080/x\"}") + "]");

        assertEquals(List.of(id), ids(api.get("sensors?tag=source:http://gw-1:8080/x")));
    }

    @Test
    void putReplacesEveryTagAndPatchMergesThem() {
        String id = unique("tags");
        api.post("sensors", "[" + tagged(id, "{\"building\":\"B7\",\"floor\":\"2\"}") + "]");

        Answer put = api.put("sensors/" + id, tagged(id, "{\"room\":\"12\"}"));
        assertEquals(200, put.status(), put.body());
        assertEquals(Map.of("room", "12"), tags(put.object()));

        Answer patched = api.patch("sensors/" + id, "{\"tags\":{\"room\":null,\"floor\":\"4\"}}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals(Map.of("floor", "4"), tags(patched.object()));
        assertEquals(Map.of("floor", "4"), tags(api.get("sensors/" + id).object()));

        Answer renamed = api.patch("sensors/" + id, "{\"name\":\"Renamed\"}");
        assertEquals(Map.of("floor", "4"), tags(renamed.object()), "a patch without tags keeps them");

        Answer cleared = api.patch("sensors/" + id, "{\"tags\":null}");
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals(Map.of(), tags(cleared.object()));
        assertEquals(0, tagRows(id));

        Answer omitted = api.put("sensors/" + id, tagged(id, "{\"a\":\"b\"}").replace(",\"tags\":{\"a\":\"b\"}", ""));
        assertEquals(Map.of(), tags(omitted.object()), "a replacement without tags has none");
    }

    @Test
    void refusesTagsOutsideTheLimitsAndWritesNothing() {
        String tooMany = IntStream.rangeClosed(1, 33).mapToObj(i -> "\"k" + i + "\":\"v\"")
                .collect(Collectors.joining(",", "{", "}"));
        for (String tags : List.of(tooMany, "{\"" + "k".repeat(65) + "\":\"v\"}", "{\"\":\"v\"}",
                "{\"a:b\":\"v\"}", "{\"k\":\"\"}", "{\"k\":\"" + "v".repeat(257) + "\"}", "{\"k\":\"a\\u0007b\"}",
                "{\"k\\n\":\"v\"}", "{\"k\":\"B7 \"}", "{\" k\":\"v\"}", "{\"k\":\" \"}", "{\"k\":3}",
                "{\"k\":null}", "{\"k\":[\"v\"]}", "[\"k\"]", "\"k:v\"")) {
            String id = unique("tags");

            Answer refused = api.post("sensors", "[" + tagged(id, tags) + "]");

            assertEquals(400, refused.status(), tags + ": " + refused.body());
            assertTrue(refused.object().getJsonArray("errors").getJsonObject(0).getString("field")
                    .startsWith("[0].tags"), tags + ": " + refused.body());
            assertEquals(0, SensorsResourceIT.stored(id), tags);
        }
        String id = unique("tags");
        api.post("sensors", "[" + tagged(id, "{\"k\":\"v\"}") + "]");
        Answer put = api.put("sensors/" + id, tagged(id, "{\"k\":\"\"}"));
        Answer patch = api.patch("sensors/" + id, "{\"tags\":{\"x:y\":\"v\"}}");
        assertEquals(400, put.status(), put.body());
        assertEquals(400, patch.status(), patch.body());
        assertEquals(Map.of("k", "v"), tags(api.get("sensors/" + id).object()));
    }

    @Test
    void refusesTagParametersThatAreNotKeyColonValue() {
        for (String path : List.of("sensors", "latest_values")) {
            for (String tag : List.of("building", ":B7", "building:", "", "building:B7%20", "%20building:B7")) {
                Answer answer = api.get(path + "?tag=" + tag);
                assertEquals(400, answer.status(), path + " " + tag + ": " + answer.body());
                assertEquals("tag", answer.object().getJsonArray("errors").getJsonObject(0).getString("field"));
            }
        }
    }

    @Test
    void deletingASensorDeletesItsTags() {
        String id = unique("tags");
        api.post("sensors", "[" + tagged(id, "{\"building\":\"B7\"}") + "]");

        assertEquals(204, api.delete("sensors/" + id).status());

        assertEquals(0, Database.number("SELECT COUNT(*) FROM sensor_tags t WHERE NOT EXISTS "
                + "(SELECT 1 FROM sensors s WHERE s.sensor_key = t.sensor_key)"));
        api.post("sensors", "[" + tagged(id, "{}") + "]");
        assertEquals(Map.of(), tags(api.get("sensors/" + id).object()));
    }
}
