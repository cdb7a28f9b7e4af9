package sensorhub.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The service as its clients see it, over loopback HTTP/1.1 with the admin key. Counts every request and every
 * failure (an answer other than the expected status, or no answer), so that the table can say whether any failed.
 */
final class ServiceClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int KEPT_FAILURES = 5;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI api;
    private final URI server;
    private final String key;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();

    ServiceClient(URI server, String key) {
        this.api = server.resolve("/api/");
        this.server = server;
        this.key = key;
    }

    /**
     * An answer, how long it took from sending the request to having read the whole body, and what the server
     * says its key check took ({@code Server-Timing: auth}; NaN where it does not say).
     */
    record Timed(int status, String body, double millis, double authMillis) {

        JsonObject object() {
            return (JsonObject) json();
        }

        JsonArray array() {
            return (JsonArray) json();
        }

        private JsonStructure json() {
            return Json.createReader(new StringReader(body)).read();
        }
    }

    void registerSensors(List<String> ids, String unit) {
        String json = ids.stream()
                .map(id -> "{\"id\":\"%s\",\"name\":\"benchmark %s\",\"type\":\"temperature\",\"unit\":\"%s\","
                        .formatted(id, id, unit) + "\"location\":\"benchmark\"}")
                .collect(Collectors.joining(",", "[", "]"));
        Timed answer = send(post("sensors", json.getBytes(StandardCharsets.UTF_8)), 201);
        if (answer.status() != 201) {
            throw new IllegalStateException("Registering the benchmark's sensors failed: " + answer.body());
        }
    }

    /** Posts one batch of readings (a JSON array); {@link #inserted} reads the answer. */
    Timed postReadings(byte[] json) {
        return send(post("sensor_values", json), 201);
    }

    /** Posts one batch of readings as CSV ({@code sensor_id,creation_date,value} header). */
    Timed postCsvReadings(byte[] csv) {
        return send(request("sensor_values").header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofByteArray(csv)), 201);
    }

    /** Writes one batch of InfluxDB line protocol into {@code database} ({@code precision=u}), answered 204. */
    Timed postLineProtocol(String database, byte[] lines) {
        return send(influx("/write?db=" + database + "&precision=u").POST(BodyPublishers.ofByteArray(lines)), 204);
    }

    /** Asks {@code /query} one InfluxQL statement, times as epoch milliseconds as Grafana asks them. */
    Timed influxQuery(String database, String influxql) {
        return send(influx("/query?db=" + database + "&epoch=ms&q=" + URLEncoder.encode(influxql,
                StandardCharsets.UTF_8)).GET(), 200);
    }

    /** How many readings the server says it inserted; 0 when the batch failed. */
    static int inserted(Timed answer) {
        return answer.status() == 201 ? answer.object().getInt("inserted") : 0;
    }

    Timed get(String path) {
        return send(request(path).GET(), 200);
    }

    /** Changes a sensor by a JSON merge patch, e.g. {@code {"retention":"P30D"}}. */
    Timed patchSensor(String id, String patch) {
        return send(request("sensors/" + id).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", BodyPublishers.ofString(patch)), 200);
    }

    /** A GET made with another API key than this client's. */
    Timed get(String path, String otherKey) {
        return send(HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT).header("X-API-KEY", otherKey).GET(),
                200);
    }

    /** Stores a new API key with the given permission and returns its secret. */
    String newKey(String name, String permission) {
        String json = "{\"name\":\"%s\",\"permissions\":[\"%s\"]}".formatted(name, permission);
        Timed answer = send(post("api_keys", json.getBytes(StandardCharsets.UTF_8)), 201);
        if (answer.status() != 201) {
            throw new IllegalStateException("Creating an API key failed: " + answer.body());
        }
        return answer.object().getString("key");
    }

    int requests() {
        return requests.get();
    }

    int failures() {
        return failures.get();
    }

    List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    private HttpRequest.Builder post(String path, byte[] json) {
        return request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(json));
    }

    /** A request to InfluxDB's API, whose clients send the key as a token. */
    private HttpRequest.Builder influx(String pathAndQuery) {
        return HttpRequest.newBuilder(server.resolve(pathAndQuery)).timeout(TIMEOUT).header("Authorization",
                "Token " + key);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT).header("X-API-KEY", key);
    }

    private Timed send(HttpRequest.Builder builder, int expected) {
        HttpRequest request = builder.build();
        requests.incrementAndGet();
        long start = System.nanoTime();
        try {
            var response = http.send(request, BodyHandlers.ofString());
            Timed answer = new Timed(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6,
                    response.headers().firstValue("Server-Timing").map(ServiceClient::authMillis).orElse(Double.NaN));
            if (answer.status() != expected) {
                failed(request, answer.status() + " " + abbreviated(answer.body()));
            }
            return answer;
        } catch (IOException e) {
            failed(request, e.toString());
            return new Timed(-1, "", (System.nanoTime() - start) / 1e6, Double.NaN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + request.uri(), e);
        }
    }

    private void failed(HttpRequest request, String what) {
        if (failures.incrementAndGet() <= KEPT_FAILURES) {
            failureSamples.add(request.method() + " " + request.uri().getPath() + ": " + what);
        }
    }

    private static double authMillis(String serverTiming) {
        int at = serverTiming.indexOf("auth;dur=");
        return at < 0 ? Double.NaN : Double.parseDouble(serverTiming.substring(at + 9).split("[,;]")[0].trim());
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
