package sensorhub.json.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sensorhub.problems.control.RejectedException;

class JsonShapeTest {

    record Thing(String name, Boolean active, @JsonbProperty("created_at") Instant createdAt, int count,
            List<String> tags) {
    }

    static final Type THINGS = new Object() {
        List<Thing> things;
    }.getClass().getDeclaredFields()[0].getGenericType();

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static Map<String, String> errors(String text, Type type) {
        return assertThrows(InvalidJsonException.class, () -> JsonShape.check(json(text), type)).fields().stream()
                .collect(Collectors.toMap(RejectedException.Field::name, RejectedException.Field::message));
    }

    @Test
    void takesValuesOfTheDeclaredTypes() {
        assertDoesNotThrow(() -> JsonShape.check(json("""
                [{"name": "a", "active": false, "created_at": "2026-01-02T03:04:05Z", "count": 3, "tags": ["x"]},
                 {"name": null, "count": 0}]"""), THINGS));
    }

    @Test
    void namesEveryFieldOfTheWrongTypeInsteadOfCoercingIt() {
        assertEquals(Map.of("[0].name", "must be a string", "[0].active", "must be true or false",
                "[1].count", "must be a number", "[1].tags[1]", "must be a string"), errors("""
                [{"name": 123, "active": "true", "count": 1},
                 {"count": "1", "tags": ["a", 2]}]""", THINGS));
    }

    @Test
    void refusesUnknownFieldsAndTheWrongContainer() {
        assertEquals(Map.of("nmae", "is not a field of this document"), errors("{\"nmae\": \"a\", \"count\": 1}",
                Thing.class));
        assertEquals(Map.of("body", "must be an object"), errors("[{\"count\": 1}]", Thing.class));
        assertEquals(Map.of("body", "must be an array"), errors("{\"count\": 1}", THINGS));
        assertEquals(Map.of("count", "must not be null"), errors("{\"count\": null}", Thing.class));
    }

    record Labelled(Map<String, String> labels) {
    }

    @Test
    void readsAMapAsAnObjectOfAnyKeysWithValuesOfItsType() {
        assertDoesNotThrow(() -> JsonShape.check(json("{\"labels\": {\"a b\": \"x\", \"c\": null}}"),
                Labelled.class));
        assertEquals(Map.of("labels.n", "must be a string", "labels.o", "must be a string"),
                errors("{\"labels\": {\"s\": \"x\", \"n\": 1, \"o\": {}}}", Labelled.class));
        assertEquals(Map.of("labels", "must be an object"), errors("{\"labels\": [\"x\"]}", Labelled.class));
    }

    @Test
    void refusesTimestampsThatTheServiceWouldNotKeep() {
        assertEquals(Map.of("created_at", "must be an ISO-8601 timestamp such as 2026-11-28T09:30:00Z, in the "
                + "years 1 to 9999"), errors("{\"created_at\": \"0000-12-31T23:00:00Z\", \"count\": 1}", Thing.class));
    }
}
