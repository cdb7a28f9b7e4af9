package sensorhub.influx.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Deployments.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;

/**
 * InfluxDB's write API as its clients use it: {@code /ping}, {@code /write} and {@code /api/v2/write} with every
 * way of giving the key, gzip, precisions, partial writes and InfluxDB's error shapes; what was written read back
 * over REST from the sensors the series became.
 */
class InfluxWriteIT extends BlackBoxTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** 2026-04-20T08:00:00Z in seconds. */
    private static final long EIGHT = 1_776_672_000L;

    private HttpResponse<String> send(String pathAndQuery, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.uri(URI.create(base.toString()).resolve(pathAndQuery)).build(),
                    BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> write(String pathAndQuery, String lines, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder().POST(BodyPublishers.ofString(lines));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(pathAndQuery, request);
    }

    private HttpResponse<String> writeV1(String db, String lines) {
        return write("write?db=" + db, lines, "Authorization", "Token " + Api.ADMIN_KEY);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private List<Double> values(String sensorId, String from, String to) {
        Answer answer = api.get("sensors/" + Api.segment(sensorId) + "/values?from=" + from + "&to=" + to);
        assertEquals(200, answer.status(), answer::toString);
        return answer.array().stream().map(v -> v.asJsonObject().getJsonNumber("value").doubleValue()).toList();
    }

    @Test
    void pingAnswersWithoutAKey() {
        for (String method : List.of("GET", "HEAD")) {
            HttpResponse<String> ping = send("ping", HttpRequest.newBuilder().method(method,
                    BodyPublishers.noBody()));
            assertEquals(204, ping.statusCode());
            assertTrue(ping.headers().firstValue("X-Influxdb-Version").orElseThrow().startsWith("1."));
        }
    }

    @Test
    void writesWithEveryFormOfTheKeyAndRegistersEachSeriesAsASensor() {
        String db = unique("db");
        String basic = Base64.getEncoder().encodeToString(("anyone:" + Api.ADMIN_KEY).getBytes(StandardCharsets.UTF_8));
        List<HttpResponse<String>> writes = List.of(
                write("write?db=" + db, "air,room=a temp=20.5 " + EIGHT + "000000000", "Authorization",
                        "Token " + Api.ADMIN_KEY),
                write("write?db=" + db, "air,room=a temp=21.5 " + (EIGHT + 60) + "000000000", "Authorization",
                        "Basic " + basic),
                write("write?db=" + db + "&u=someone&p=" + Api.ADMIN_KEY, "air,room=a temp=22.5 " + (EIGHT + 120)
                        + "000000000"),
                write("write?db=" + db, "air,room=a temp=23.5,hum=40i " + (EIGHT + 180) + "000000000", "X-API-KEY",
                        Api.ADMIN_KEY));
        writes.forEach(w -> assertEquals(204, w.statusCode(), w::body));

        String id = db + ".air.a.temp";
        assertEquals(List.of(20.5, 21.5, 22.5, 23.5), values(id, "2026-04-20T08:00:00Z", "2026-04-20T09:00:00Z"));
        assertEquals(List.of(40.0), values(db + ".air.a.hum", "2026-04-20T08:00:00Z", "2026-04-20T09:00:00Z"));
        JsonObject sensor = api.get("sensors/" + Api.segment(id)).object();
        assertEquals("air,room=a temp", sensor.getString("name"));
        assertEquals("air", sensor.getString("type"));
        assertEquals("a", sensor.getJsonObject("tags").getString("room"));
        assertEquals("influx", api.get("sensors/" + Api.segment(id) + "/arrivals").array().getJsonObject(0)
                .getString("door"));
    }

    @Test
    void takesGzipAndEveryPrecisionAndTheV2Api() throws IOException {
        String db = unique("db");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(("m v=1 " + EIGHT + "\nm v=2 " + (EIGHT + 1) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> gzipped = send("write?db=" + db + "&precision=s", HttpRequest.newBuilder()
                .header("Authorization", "Token " + Api.ADMIN_KEY).header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(zipped.toByteArray())));
        assertEquals(204, gzipped.statusCode(), gzipped::body);
        assertEquals(204, write("write?db=" + db + "&precision=ms", "m v=3 " + (EIGHT + 2) + "000",
                "Authorization", "Token " + Api.ADMIN_KEY).statusCode());
        assertEquals(204, write("write?db=" + db + "&precision=u", "m v=4 " + (EIGHT + 3) + "000001",
                "Authorization", "Token " + Api.ADMIN_KEY).statusCode());
        assertEquals(204, write("api/v2/write?org=o&bucket=" + db + "/autogen&precision=ms", "m v=5 " + (EIGHT + 4)
                + "000", "Authorization", "Token " + Api.ADMIN_KEY).statusCode());

        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), values(db + ".m.v", "2026-04-20T08:00:00Z",
                "2026-04-20T08:01:00Z"));
        Answer fourth = api.get("sensors/" + Api.segment(db + ".m.v") + "/values?from=2026-04-20T08:00:03Z&to="
                + "2026-04-20T08:00:04Z");
        assertEquals("2026-04-20T08:00:03.000001Z", fourth.array().getJsonObject(0).getString("creation_date"));
    }

    @Test
    void aSensorIdTagWritesToARegisteredSensor() {
        String id = unique("lp");
        assertEquals(201, api.post("sensors", "[{\"id\":\"%s\",\"name\":\"Air\",\"type\":\"t\",\"unit\":\"°C\"}]"
                .formatted(id)).status());

        assertEquals(204, writeV1(unique("db"), "temperature,sensor_id=" + id + " value=19.25 " + EIGHT
                + "000000000").statusCode());

        assertEquals(List.of(19.25), values(id, "2026-04-20T08:00:00Z", "2026-04-20T09:00:00Z"));
        assertEquals("Air", api.get("sensors/" + id).object().getString("name"), "a registered sensor stays as it is");
    }

    @Test
    void storesTheGoodLinesOfABatchAndNamesTheBadOnes() {
        String db = unique("db");

        HttpResponse<String> partial = writeV1(db, "m v=1 " + EIGHT + "000000000\nm v=oops\nm,t=" + "x".repeat(300)
                + " v=2 " + EIGHT + "000000000\nm v=3 " + (EIGHT + 1) + "000000000\n");

        assertEquals(400, partial.statusCode());
        String error = json(partial).getString("error");
        assertTrue(error.startsWith("partial write: unable to parse 'm v=oops': invalid number (line 2)"), error);
        assertTrue(error.contains("tag "), error);
        assertTrue(error.endsWith("dropped=2"), error);
        assertEquals(List.of(1.0, 3.0), values(db + ".m.v", "2026-04-20T08:00:00Z", "2026-04-20T09:00:00Z"));

        HttpResponse<String> allBad = writeV1(db, "m v=oops\n");
        assertEquals(400, allBad.statusCode());
        assertEquals("unable to parse 'm v=oops': invalid number (line 1)", json(allBad).getString("error"));
    }

    @Test
    void anEmptyBodyIsAWriteOfNothing() {
        assertEquals(204, writeV1(unique("db"), "").statusCode());
    }

    @Test
    void refusesInInfluxDbsShapes() {
        String readOnly = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"read\"]}"
                .formatted(unique("reader"))).object().getString("key");
        String db = unique("db");

        HttpResponse<String> none = write("write?db=" + db, "m v=1");
        assertEquals(401, none.statusCode());
        assertEquals("authorization failed", json(none).getString("error"));
        HttpResponse<String> wrong = write("write?db=" + db, "m v=1", "Authorization", "Token nope");
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> noneV2 = write("api/v2/write?bucket=" + db, "m v=1");
        assertEquals(401, noneV2.statusCode());
        assertEquals("unauthorized", json(noneV2).getString("code"));
        HttpResponse<String> reader = write("write?db=" + db, "m v=1", "Authorization", "Token " + readOnly);
        assertEquals(403, reader.statusCode());
        assertTrue(json(reader).getString("error").contains("write"));

        HttpResponse<String> noDb = write("write", "m v=1", "Authorization", "Token " + Api.ADMIN_KEY);
        assertEquals(400, noDb.statusCode());
        assertEquals("database is required", json(noDb).getString("error"));
        HttpResponse<String> noBucket = write("api/v2/write?org=o", "m v=1", "Authorization",
                "Token " + Api.ADMIN_KEY);
        assertEquals(404, noBucket.statusCode());
        assertEquals("not found", json(noBucket).getString("code"));
        HttpResponse<String> precision = write("write?db=" + db + "&precision=x", "m v=1", "Authorization",
                "Token " + Api.ADMIN_KEY);
        assertEquals(400, precision.statusCode());
        assertEquals("invalid precision 'x'", json(precision).getString("error"));
        HttpResponse<String> get = send("write?db=" + db, HttpRequest.newBuilder().GET());
        assertEquals(405, get.statusCode());
        HttpResponse<String> badGzip = write("write?db=" + db, "not gzip", "Authorization", "Token " + Api.ADMIN_KEY,
                "Content-Encoding", "gzip");
        assertEquals(400, badGzip.statusCode());

        assertEquals(404, api.get("sensors/" + Api.segment(db + ".m.v")).status(), "nothing refused was written");
    }

    @Test
    void aPointThatContradictsAStoredOneIsRefusedWhole() {
        String db = unique("db");
        assertEquals(204, writeV1(db, "m v=1 " + EIGHT + "000000000").statusCode());

        HttpResponse<String> conflict = writeV1(db, "m v=2 " + EIGHT + "000000000\nm v=3 " + (EIGHT + 1)
                + "000000000");

        assertEquals(409, conflict.statusCode());
        assertTrue(json(conflict).getString("error").contains("exist with other values"), conflict::body);
        assertEquals(List.of(1.0), values(db + ".m.v", "2026-04-20T08:00:00Z", "2026-04-20T09:00:00Z"));
    }
}
