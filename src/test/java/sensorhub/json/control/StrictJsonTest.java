package sensorhub.json.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOneDocument() {
        JsonValue value = StrictJson.read(body(" {\"a\": [1, \"x\", null, true], \"b\": {\"c\": 2.5}} "));
        assertEquals(2.5, value.asJsonObject().getJsonObject("b").getJsonNumber("c").doubleValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{} {}", "{}x", "[] []", "{\"a\": 1, \"a\": 2}", "{\"a\": {\"b\": 1, \"b\": 1}}",
        "[[", "{\"a\":", "{\"a\": [", "{\"a\": 1e9999999999}", "\"\\ud800\"", "{\"\\udc00\": 1}", "nul", "{'a': 1}", "[1,]"})
    void refusesWhatIsNotExactlyOneStrictDocument(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(InvalidJsonException.class, () -> StrictJson.read(body(text))));
    }

    @Test
    void refusesNestingDeeperThanItsLimit() {
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        assertThrows(InvalidJsonException.class, () -> StrictJson.read(body(deep)));
        String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertEquals(JsonValue.ValueType.ARRAY, StrictJson.read(body(deepest)).getValueType());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(InvalidJsonException.class,
                () -> StrictJson.read(body("{\"a\":".repeat(100_000)))));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        InvalidJsonException thrown = assertThrows(InvalidJsonException.class,
                () -> StrictJson.read(new ByteArrayInputStream(latin1)));
        assertEquals("The request body is not valid UTF-8.", thrown.getMessage());
    }

    @Test
    void keepsPairedSurrogates() {
        assertEquals("\uD83C\uDF21", StrictJson.read(body("\"\\ud83c\\udf21\"")).toString().replace("\"", ""));
    }

    @Test
    void stopsReadingABodyAtItsLimit() {
        InputStream huge = new LimitedInputStream(body("[" + "1,".repeat(1000) + "1]"), 100);
        assertThrows(BodyTooLargeException.class, () -> StrictJson.read(huge));
    }

    @Test
    void givesTheTypeAResourceAsksFor() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, StrictJson.expect(JsonValue.EMPTY_JSON_OBJECT, JsonObject.class));
        for (JsonValue other : List.of(JsonValue.NULL, JsonValue.EMPTY_JSON_ARRAY, JsonValue.TRUE)) {
            assertThrows(InvalidJsonException.class, () -> StrictJson.expect(other, JsonObject.class));
        }
    }
}
