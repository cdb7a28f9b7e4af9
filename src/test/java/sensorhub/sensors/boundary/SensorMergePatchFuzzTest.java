package sensorhub.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import sensorhub.json.control.InvalidJsonException;
import sensorhub.json.control.JsonShape;
import sensorhub.json.control.StrictJson;
import sensorhub.testing.ParserContract;

/**
 * Fuzzes the body of {@code PATCH /api/sensors/{id}} along its path up to JSON-B binding (no JSON-B provider is
 * on the unit tests' class path): read strictly as the server reads it ({@code StrictJsonBodies}), made a merge
 * patch, applied to a sensor's document and held to {@link SensorJson}'s shape. It ends, refuses only with
 * InvalidJsonException (a 400), applying the patch twice changes nothing more (RFC 7396 is idempotent), and the
 * result written as text reads back as the same value.
 */
class SensorMergePatchFuzzTest {

    private static final JsonObject SENSOR = Json.createObjectBuilder()
            .add("id", "greenhouse-7-temp")
            .add("name", "Greenhouse 7 air temperature")
            .add("type", "temperature")
            .add("unit", "°C")
            .add("location", "greenhouse-7")
            .add("tags", Json.createObjectBuilder().add("building", "B7").add("floor", "2"))
            .add("active", true)
            .add("activation_date", "2026-11-28T09:30:00Z")
            .add("updated_by", "admin")
            .add("updated_at", "2026-11-28T09:30:00.123456Z")
            .build();

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void mergePatch(byte[] input) throws Exception {
        String body = new String(input, StandardCharsets.UTF_8);
        ParserContract.outcome(() -> {
            JsonValue document = StrictJson.read(new ByteArrayInputStream(input));
            JsonMergePatch patch = Json.createMergePatch(StrictJson.expect(document, JsonObject.class));
            JsonValue patched = patch.apply(SENSOR);
            JsonShape.check(patched, SensorJson.class);
            assertEquals(patched, patch.apply(patched), body);
            assertEquals(patched, Json.createReader(new StringReader(patched.toString())).readValue(), body);
            return patched;
        }, InvalidJsonException.class);
    }
}
