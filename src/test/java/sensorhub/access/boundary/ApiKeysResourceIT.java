package sensorhub.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Deployments.unique;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.access.control.Secrets;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Database;

class ApiKeysResourceIT extends BlackBoxTest {

    private JsonObject newKey(String name, String... permissions) {
        String list = String.join("\",\"", permissions);
        Answer created = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"%s\"]}".formatted(name, list));
        assertEquals(201, created.status(), created.body());
        return created.object();
    }

    @Test
    void createsAKeyShowingItsSecretOnceAndStoringOnlyItsHash() {
        String name = unique("key");

        Answer created = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"read\"]}".formatted(name));

        assertEquals(201, created.status(), created.body());
        JsonObject key = created.object();
        String secret = key.getString("key");
        assertTrue(secret.length() >= 43, "at least 256 bits, base64: " + secret.length());
        long id = key.getJsonNumber("id").longValue();
        assertTrue(created.header("Location").endsWith("/api/api_keys/" + id));
        List<String> stored = Database.row("SELECT secret_hash FROM api_keys WHERE id = ?", id);
        assertEquals(1, stored.size(), "the key is stored");
        String hash = stored.get(0);
        assertNotEquals(secret, hash, "the secret itself is not stored");
        assertEquals(Secrets.hash(secret), hash, "its SHA-256, by which a request's key is found");
        assertEquals(0, Database.number("SELECT COUNT(*) FROM api_keys WHERE secret_hash = ? OR name = ?", secret,
                secret));
        Answer listed = api.get("api_keys");
        assertTrue(listed.body().contains(name));
        assertFalse(listed.body().contains(secret), "the list never shows a secret");
    }

    @Test
    void aNewKeyWorksWithItsPermissionsOnly() {
        String reader = newKey(unique("reader"), "read").getString("key");

        assertEquals(200, api.as(reader).get("sensors").status());
        Answer forbidden = api.as(reader).post("sensors", "[]");
        assertEquals(403, forbidden.status());
        assertEquals("application/problem+json", forbidden.contentType());
        assertEquals(403, api.as(reader).get("api_keys").status());
    }

    @Test
    void recordsWhenAKeyWasLastUsed() {
        String name = unique("used");
        String key = newKey(name, "read").getString("key");
        assertFalse(listed(name).containsKey("last_used_at"), "never used yet");

        api.as(key).get("sensors");

        assertTrue(listed(name).getString("last_used_at").endsWith("Z"), listed(name).toString());
    }

    private JsonObject listed(String name) {
        return api.get("api_keys").array().stream().map(k -> k.asJsonObject())
                .filter(k -> k.getString("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void recordsTheKeyNameAsUpdatedBy() {
        String name = unique("writer");
        String writer = newKey(name, "write").getString("key");
        String id = unique("sensor");

        Answer created = api.as(writer).post("sensors",
                "[{\"id\":\"%s\",\"name\":\"n\",\"type\":\"t\",\"unit\":\"u\"}]".formatted(id));

        assertEquals(201, created.status(), created.body());
        assertEquals(name, created.array().getJsonObject(0).getString("updated_by"));
    }

    @Test
    void aRevokedKeyFailsOnItsVeryNextRequest() {
        JsonObject key = newKey(unique("revoked"), "read");
        String secret = key.getString("key");
        assertEquals(200, api.as(secret).get("sensors").status());

        assertEquals(204, api.delete("api_keys/" + key.getJsonNumber("id").longValue()).status());

        Answer refused = api.as(secret).get("sensors");
        assertEquals(401, refused.status());
        assertEquals("ApiKey", refused.header("WWW-Authenticate"));
        assertEquals(404, api.delete("api_keys/" + key.getJsonNumber("id").longValue()).status());
        assertFalse(api.get("api_keys").body().contains(key.getString("name")));
    }

    @Test
    void refusesMissingAndUnknownKeysWith401() {
        Answer missing = api.as(null).get("sensors");
        Answer unknown = api.as("not-a-key").get("sensors");

        for (Answer answer : new Answer[] {missing, unknown}) {
            assertEquals(401, answer.status());
            assertEquals("ApiKey", answer.header("WWW-Authenticate"));
            assertEquals("application/problem+json", answer.contentType());
            assertFalse(answer.body().contains("not-a-key"), "the body does not echo the key");
        }
    }

    @Test
    void refusesInvalidKeyRequestsAndTakenNames() {
        String name = unique("taken");
        newKey(name, "read");

        assertEquals(409, api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"read\"]}".formatted(name))
                .status());
        assertEquals(409, api.post("api_keys", "{\"name\":\"bootstrap-admin\",\"permissions\":[\"read\"]}")
                .status());
        Answer badPermission = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"root\"]}"
                .formatted(unique("bad")));
        assertEquals(400, badPermission.status());
        assertEquals("permissions[0]", badPermission.object().getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        assertEquals(400, api.post("api_keys", "{\"permissions\":[]}").status());
    }
}
