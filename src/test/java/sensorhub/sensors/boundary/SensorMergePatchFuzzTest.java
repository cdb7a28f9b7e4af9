package sensorhub.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import sensorhub.testing.ParserContract;

/**
 * Fuzzes the body of {@code PATCH /api/sensors/{id}} along the JSON-P path of {@code SensorsResource.mergePatch}
 * and {@code SensorJson.patched} (which needs a JSON-B provider, absent from the unit tests): read the body, make
 * it a merge patch, apply it to a sensor's document, write the result as text and read that again. It ends,
 * refuses only with JsonException (a 400), applying the patch twice changes nothing more (RFC 7396 is
 * idempotent), and the written result reads back as the same value.
 */
class SensorMergePatchFuzzTest {

    private static final JsonObject SENSOR = Json.createObjectBuilder()
            .add("id", "greenhouse-7-temp")
            .add("name", "Greenhouse 7 air temperature")
            .add("type", "temperature")
            .add("unit", "°C")
            .add("location", "greenhouse-7")
            .add("active", true)
            .add("activation_date", "2026-11-28T09:30:00Z")
            .add("updated_by", "admin")
            .add("updated_at", "2026-11-28T09:30:00.123456Z")
            .build();

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void mergePatch(byte[] input) throws Exception {
        String body = new String(input, StandardCharsets.UTF_8);
        ParserContract.outcome(() -> {
            JsonMergePatch patch = Json.createMergePatch(Json.createReader(new StringReader(body)).readValue());
            JsonValue patched = patch.apply(SENSOR);
            assertEquals(patched, patch.apply(patched), body);
            assertEquals(patched, Json.createReader(new StringReader(patched.toString())).readValue(), body);
            return patched;
        }, JsonException.class);
    }
}
