package sensorhub.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Deployments.unique;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.net.URI;
import org.junit.jupiter.api.Test;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Database;

class SensorsResourceIT extends BlackBoxTest {

    static String sensor(String id, String location) {
        return """
                {"id":"%s","name":"Air temperature","type":"temperature","unit":"°C","location":"%s",
                 "activation_date":"2026-03-01T10:00:00.123456Z"}""".formatted(id, location);
    }

    static String batch(String... sensors) {
        return "[" + String.join(",", sensors) + "]";
    }

    static long stored(String id) {
        return Database.number("SELECT COUNT(*) FROM sensors WHERE id = ?", id);
    }

    @Test
    void registersABatchAndAnswersWithTheStoredSensors() {
        String first = unique("reg");
        String second = unique("reg");

        Answer created = api.post("sensors", batch(sensor(first, "lab"), sensor(second, "lab")));

        assertEquals(201, created.status(), created.body());
        JsonArray sensors = created.array();
        assertEquals(2, sensors.size());
        JsonObject stored = sensors.getJsonObject(0);
        assertEquals(first, stored.getString("id"));
        assertEquals("°C", stored.getString("unit"));
        assertTrue(stored.getBoolean("active"), "active defaults to true");
        assertEquals("bootstrap-admin", stored.getString("updated_by"));
        assertTrue(stored.getString("updated_at").endsWith("Z"));
        assertEquals(1, stored(first));
        assertEquals(1, stored(second));
    }

    @Test
    void keepsTimestampsExactToTheMicrosecondAndReadsThemWithOrWithoutOffset() {
        String utc = unique("time");
        String local = unique("time");
        String offset = unique("time");
        api.post("sensors", batch(
                """
                {"id":"%s","name":"n","type":"t","unit":"u","activation_date":"2026-01-02T03:04:05.123456Z"}"""
                        .formatted(utc),
                """
                {"id":"%s","name":"n","type":"t","unit":"u","activation_date":"2026-01-02T03:04:05.000001"}"""
                        .formatted(local),
                """
                {"id":"%s","name":"n","type":"t","unit":"u","activation_date":"2026-01-02T05:04:05.5+02:00"}"""
                        .formatted(offset)));

        assertEquals("2026-01-02T03:04:05.123456Z", api.get("sensors/" + utc).object().getString("activation_date"));
        assertEquals("2026-01-02T03:04:05.000001Z",
                api.get("sensors/" + local).object().getString("activation_date"));
        assertEquals("2026-01-02T03:04:05.500Z",
                api.get("sensors/" + offset).object().getString("activation_date"));
        assertEquals(1767323045123456L,
                Database.number("SELECT activation_date FROM sensors WHERE id = ?", utc));
    }

    @Test
    void getsOneSensorAndAnswers404ForAnUnknownOne() {
        String id = unique("get");
        api.post("sensors", batch(sensor(id, "lab")));

        assertEquals(id, api.get("sensors/" + id).object().getString("id"));
        Answer missing = api.get("sensors/" + unique("missing"));
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());
        assertEquals(404, missing.object().getInt("status"));
    }

    @Test
    void rejectsABatchWithAnExistingIdAndWritesNothing() {
        String existing = unique("dup");
        String fresh = unique("fresh");
        api.post("sensors", batch(sensor(existing, "lab")));

        Answer conflict = api.post("sensors", batch(sensor(fresh, "lab"), sensor(existing, "lab")));

        assertEquals(409, conflict.status(), conflict.body());
        assertEquals("[1].id", conflict.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, stored(fresh));
    }

    @Test
    void rejectsABatchThatRepeatsAnIdAndWritesNothing() {
        String repeated = unique("rep");

        Answer conflict = api.post("sensors", batch(sensor(repeated, "lab"), sensor(repeated, "lab")));

        assertEquals(409, conflict.status(), conflict.body());
        assertEquals(0, stored(repeated));
    }

    @Test
    void rejectsInvalidSensorsNamingEachFieldWithItsIndexAndWritesNothing() {
        String valid = unique("valid");
        String invalid = """
                {"id":"has space","name":"","type":"t","unit":"u"}""";

        Answer rejected = api.post("sensors", batch(sensor(valid, "lab"), invalid, "{}"));

        assertEquals(400, rejected.status(), rejected.body());
        assertEquals("application/problem+json", rejected.contentType());
        List<String> fields = rejected.object().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(List.of("[1].id", "[1].name", "[2].id", "[2].name", "[2].type",
                "[2].unit")), fields.toString());
        assertFalse(fields.stream().anyMatch(f -> f.startsWith("[0]")), fields.toString());
        assertEquals(0, stored(valid));
    }

    @Test
    void rejectsBodiesThatAreNotTheExpectedJson() {
        Answer malformed = api.post("sensors", "[{\"id\":");
        Answer notAnArray = api.post("sensors", sensor(unique("obj"), "lab"));
        Answer wrongType = api.post("sensors", "[{\"id\":\"x\",\"name\":\"n\",\"type\":\"t\",\"unit\":\"u\","
                + "\"activation_date\":\"yesterday\"}]");
        Answer notBoolean = api.post("sensors", "[{\"id\":\"x\",\"name\":\"n\",\"type\":\"t\",\"unit\":\"u\","
                + "\"active\":\"yes\"}]");
        Answer empty = api.post("sensors", "[]");

        for (Answer answer : List.of(malformed, notAnArray, wrongType, notBoolean, empty)) {
            assertEquals(400, answer.status(), answer.body());
            assertEquals("application/problem+json", answer.contentType());
            assertFalse(answer.body().contains("sensorhub."), "no class names: " + answer.body());
        }
        assertTrue(wrongType.object().getString("detail").contains("activation_date"), wrongType.body());
    }

    @Test
    void answersProtocolErrorsAsProblems() {
        Answer methodNotAllowed = api.send("DELETE", "sensors");
        Answer notAcceptable = api.get("sensors", "application/xml");
        Answer unsupported = api.post("sensors", "text/plain", "hello");
        Answer noSuchResource = api.get("no-such-thing");
        Answer noSuchPage = api.page("no-such-page.html");

        assertEquals(405, methodNotAllowed.status());
        assertTrue(methodNotAllowed.header("Allow").contains("GET"), methodNotAllowed.headers().toString());
        assertEquals(406, notAcceptable.status());
        assertEquals(415, unsupported.status());
        assertEquals(404, noSuchResource.status());
        assertEquals(404, noSuchPage.status());
        for (Answer answer : List.of(methodNotAllowed, notAcceptable, unsupported, noSuchResource, noSuchPage)) {
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.toString());
            assertEquals(answer.status(), answer.object().getInt("status"));
        }
    }

    @Test
    void rejectsBadListParametersNamingEach() {
        for (String query : List.of("limit=0", "limit=1001", "limit=ten", "limit=", "limit=99999999999", "active=maybe",
                "active=TRUE", "active=", "after=not-a-cursor", "after=")) {
            Answer answer = api.get("sensors?" + query);
            assertEquals(400, answer.status(), query + ": " + answer.body());
            assertEquals("application/problem+json", answer.contentType());
            String parameter = query.substring(0, query.indexOf('='));
            assertEquals(List.of(parameter), answer.object().getJsonArray("errors").stream()
                    .map(e -> e.asJsonObject().getString("field")).toList(), query + ": " + answer.body());
        }
    }

    @Test
    void listsNewestActivationFirstAndFiltersByLocationTypeAndActive() {
        String location = unique("loc");
        String older = unique("old");
        String newer = unique("new");
        String inactive = unique("off");
        api.post("sensors", batch(
                "{\"id\":\"%s\",\"name\":\"n\",\"type\":\"humidity\",\"unit\":\"%%\",\"location\":\"%s\",\"activation_date\":\"2025-01-01T00:00:00Z\"}"
                        .formatted(older, location),
                "{\"id\":\"%s\",\"name\":\"n\",\"type\":\"temperature\",\"unit\":\"C\",\"location\":\"%s\",\"activation_date\":\"2026-01-01T00:00:00Z\"}"
                        .formatted(newer, location),
                "{\"id\":\"%s\",\"name\":\"n\",\"type\":\"temperature\",\"unit\":\"C\",\"location\":\"%s\",\"active\":false,\"activation_date\":\"2024-01-01T00:00:00Z\"}"
                        .formatted(inactive, location)));

        assertEquals(List.of(newer, older, inactive), ids(api.get("sensors?location=" + location)));
        assertEquals(List.of(newer, inactive), ids(api.get("sensors?location=" + location + "&type=temperature")));
        assertEquals(List.of(inactive), ids(api.get("sensors?location=" + location + "&active=false")));
        assertEquals(List.of(newer, older), ids(api.get("sensors?location=" + location + "&active=true")));
    }

    @Test
    void pagesByKeyWithANextLinkUntilTheLastPage() {
        String location = unique("page");
        List<String> sensors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sensors.add("{\"id\":\"%s-%d\",\"name\":\"n\",\"type\":\"t\",\"unit\":\"u\",\"location\":\"%s\",\"activation_date\":\"2026-01-0%dT00:00:00Z\"}"
                    .formatted(location, i, location, 1 + i % 3));
        }
        api.post("sensors", batch(sensors.toArray(String[]::new)));

        List<String> seen = new ArrayList<>();
        Answer page = api.get("sensors?location=" + location + "&limit=2");
        int pages = 1;
        seen.addAll(ids(page));
        while (page.next().isPresent()) {
            URI next = page.next().get();
            assertTrue(next.getQuery().contains("limit=2") && next.getQuery().contains("location="), next.toString());
            page = api.follow(next);
            seen.addAll(ids(page));
            pages++;
        }

        assertEquals(3, pages);
        assertEquals(List.of(location + "-2", location + "-1", location + "-4", location + "-0", location + "-3"),
                seen, "newest first, then by id, each once");
    }

    @Test
    void replacesASensorWithPutKeepingItsActivationDateWhenOmitted() {
        String id = unique("put");
        api.post("sensors", batch(sensor(id, "lab")));

        Answer replaced = api.put("sensors/" + id,
                "{\"id\":\"%s\",\"name\":\"Renamed\",\"type\":\"pressure\",\"unit\":\"hPa\"}".formatted(id));

        assertEquals(200, replaced.status(), replaced.body());
        JsonObject sensor = api.get("sensors/" + id).object();
        assertEquals("Renamed", sensor.getString("name"));
        assertEquals("hPa", sensor.getString("unit"));
        assertFalse(sensor.containsKey("location"), "a replacement without location has none");
        assertEquals("2026-03-01T10:00:00.123456Z", sensor.getString("activation_date"));
    }

    @Test
    void refusesPutOfAnotherIdOrAnUnknownSensor() {
        String id = unique("put");
        api.post("sensors", batch(sensor(id, "lab")));

        Answer otherId = api.put("sensors/" + id, sensor(unique("other"), "lab"));
        String unknown = unique("unknown");
        Answer missing = api.put("sensors/" + unknown, sensor(unknown, "lab"));
        Answer invalid = api.put("sensors/" + id, "{\"id\":\"%s\",\"name\":\"\"}".formatted(id));

        assertEquals(400, otherId.status(), otherId.body());
        assertEquals(404, missing.status(), missing.body());
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("Air temperature", api.get("sensors/" + id).object().getString("name"));
    }

    @Test
    void patchChangesOnlyTheNamedFields() {
        String id = unique("patch");
        api.post("sensors", batch(sensor(id, "lab")));
        List<String> before = Database.row(
                "SELECT name, type, unit, active, activation_date FROM sensors WHERE id = ?", id);

        Answer patched = api.patch("sensors/" + id, "{\"location\":\"roof\"}");

        assertEquals(200, patched.status(), patched.body());
        assertEquals("roof", patched.object().getString("location"));
        assertEquals(before,
                Database.row("SELECT name, type, unit, active, activation_date FROM sensors WHERE id = ?", id));
        assertEquals("roof", Database.row("SELECT location FROM sensors WHERE id = ?", id).get(0));
    }

    @Test
    void patchWithNullRemovesAnOptionalFieldAndRefusesToRemoveARequiredOne() {
        String id = unique("patch");
        api.post("sensors", batch(sensor(id, "lab")));

        Answer removed = api.patch("sensors/" + id, "{\"location\":null}");
        Answer refused = api.patch("sensors/" + id, "{\"name\":null}");

        assertEquals(200, removed.status(), removed.body());
        assertEquals(JsonValue.ValueType.NULL, Optional.ofNullable(removed.object().get("location"))
                .map(JsonValue::getValueType).orElse(JsonValue.ValueType.NULL));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("name", refused.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("Air temperature", api.get("sensors/" + id).object().getString("name"));
    }

    @Test
    void patchRefusesBadPatchesAndUnknownSensors() {
        String id = unique("patch");
        api.post("sensors", batch(sensor(id, "lab")));

        assertEquals(400, api.patch("sensors/" + id, "{\"active\":\"yes\"}").status());
        assertEquals(400, api.patch("sensors/" + id, "{\"id\":\"renamed\"}").status());
        assertEquals(400, api.patch("sensors/" + id, "{not json").status());
        assertEquals(404, api.patch("sensors/" + unique("unknown"), "{\"name\":\"x\"}").status());
        assertEquals(415, api.send("PATCH", "sensors/" + id, "application/json", "{\"name\":\"x\"}").status());
        assertTrue(api.get("sensors/" + id).object().getBoolean("active"));
    }

    @Test
    void deletesASensorAndAnswers404ThereafterAndForUnknownOnes() {
        String id = unique("del");
        api.post("sensors", batch(sensor(id, "lab")));

        assertEquals(204, api.delete("sensors/" + id).status());

        assertEquals(404, api.get("sensors/" + id).status());
        assertEquals(404, api.delete("sensors/" + id).status());
        assertEquals(0, stored(id));
    }

    /** A JSON string of the text, every character outside printable ASCII written as an escape. */
    static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> quoted.append(c == '"' || c == '\\' ? "\\" + (char) c
                : c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
        return quoted.append('"').toString();
    }

    /** The id as one path segment, every byte but letters, digits and {@code -._~} percent-encoded. */
    static String segment(String id) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
            encoded.append(plain ? String.valueOf(c) : "%%%02X".formatted(b & 0xff));
        }
        return encoded.toString();
    }

    static String sensorWithId(String id) {
        return "{\"id\":" + json(id) + ",\"name\":\"n\",\"type\":\"t\",\"unit\":\"u\"}";
    }

    @Test
    void everyRegisteredIdIsAddressable() {
        String tag = unique("");
        List<String> accepted = List.of("semi;colon" + tag, "dots.in..the...middle" + tag, "." + tag, tag + ".",
                tag + "...", "plus+amp&eq=" + tag, "quote'\"" + tag, "<angle>[square]{curly}" + tag,
                "colon:at@comma,star*" + tag, "tilde~caret^grave`pipe|" + tag, "ünïcødé" + tag, "温度" + tag,
                "\ud83c\udf21\ufe0f" + tag);
        for (String id : accepted) {
            Answer created = api.post("sensors", "[" + sensorWithId(id) + "]");
            assertEquals(201, created.status(), id + ": " + created.body());
            String path = "sensors/" + segment(id);

            Answer found = api.get(path);
            assertEquals(200, found.status(), id + ": " + found.body());
            assertEquals(id, found.object().getString("id"));
            assertEquals(200, api.get(path + "/values?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z").status(), id);
            assertEquals(200, api.get("sensor_values/" + segment(id) + "/2026-01-01").status(), id);
            Answer replaced = api.put(path, sensorWithId(id).replace("\"name\":\"n\"", "\"name\":\"m\""));
            assertEquals(200, replaced.status(), id + ": " + replaced.body());
            assertEquals("m", replaced.object().getString("name"));
            Answer patched = api.patch(path, "{\"name\":\"p\"}");
            assertEquals(200, patched.status(), id + ": " + patched.body());
            assertEquals(id, patched.object().getString("id"));
            assertEquals(204, api.delete(path).status(), id);
            assertEquals(0, stored(id), id);
        }
    }

    @Test
    void refusesAtRegistrationTheIdsNoUrlCanName() {
        String tag = unique("");
        List<String> refused = List.of(".", "..", "...", "....", "back\\slash" + tag, "sla/sh" + tag,
                "ques?tion" + tag, "ha#sh" + tag, "per%cent" + tag, "spa ce" + tag, tag + " ", " " + tag, "\ttab" + tag,
                "nul\u0000" + tag, "\u0001" + tag, "line\nbreak" + tag, "del\u007f" + tag, "nel\u0085" + tag,
                "c1\u009f" + tag);
        for (String id : refused) {
            String valid = unique("ok");
            Answer rejected = api.post("sensors", "[" + sensorWithId(valid) + "," + sensorWithId(id) + "]");

            assertEquals(400, rejected.status(), id + ": " + rejected.body());
            JsonObject error = rejected.object().getJsonArray("errors").getJsonObject(0);
            assertEquals("[1].id", error.getString("field"), rejected.body());
            assertTrue(error.getString("message").contains("no URL could name"), rejected.body());
            assertEquals(0, stored(valid), id);
        }
    }

    @Test
    void refusesControlCharactersInEveryTextFieldNamingEach() {
        String id = unique("ctl");
        String controlled = """
                {"id":"%s","name":"tab\\tname","type":"del\\u007f","unit":"\\u0000C","location":"line\\nbreak"}"""
                .formatted(unique("ctl"));

        Answer rejected = api.post("sensors", batch(sensor(id, "lab"), controlled));

        assertEquals(400, rejected.status(), rejected.body());
        List<String> fields = rejected.object().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList();
        assertEquals(List.of("[1].location", "[1].name", "[1].type", "[1].unit"), fields);
        assertEquals(0, stored(id));

        assertEquals(201, api.post("sensors", batch(sensor(id, "lab"))).status());
        Answer put = api.put("sensors/" + id, sensor(id, "lab\\u0085"));
        assertEquals(400, put.status(), put.body());
        assertEquals("location", put.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        Answer patch = api.patch("sensors/" + id, "{\"name\":\"a\\u0000b\"}");
        assertEquals(400, patch.status(), patch.body());
        assertEquals("name", patch.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("Air temperature", api.get("sensors/" + id).object().getString("name"));
        assertEquals("lab", api.get("sensors/" + id).object().getString("location"));
    }

    static List<String> ids(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.array().stream().map(s -> s.asJsonObject().getString("id")).toList();
    }
}
