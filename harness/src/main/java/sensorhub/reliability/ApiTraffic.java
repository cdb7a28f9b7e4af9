package sensorhub.reliability;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The service as the suite's clients call it: HTTP/1.1 over loopback with the admin key, each request bounded by
 * a timeout, and every exchange recorded for the phase's table. Shared by all clients of a phase.
 */
final class ApiTraffic {

    /** An answer; {@code status} is an {@link Exchange} status, so also {@link Exchange#TIMED_OUT}. */
    record Answer(int status, String body, String servedBy) {

        Answer(int status, String body) {
            this(status, body, "");
        }

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

    /** The header a load balancer in front may name the answering server in (the cluster check's HAProxy does). */
    static final String SERVED_BY = "X-Served-By";

    private final HttpClient http;
    private final URI api;
    private final String key;
    private final Duration timeout;
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    ApiTraffic(HttpClient http, URI server, String key, Duration timeout) {
        this.http = http;
        this.api = server.resolve("/api/");
        this.key = key;
        this.timeout = timeout;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** The same service and key, recording into a list of its own (the next phase's). */
    ApiTraffic withTimeout(Duration otherTimeout) {
        return new ApiTraffic(http, api, key, otherTimeout);
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    Answer get(Route route, String path) {
        return send(route, request(path).GET());
    }

    Answer post(Route route, String path, String contentType, String body) {
        return send(route, request(path).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer put(Route route, String path, String json) {
        return send(route, request(path).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer patch(Route route, String path, String mergePatch) {
        return send(route, request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", BodyPublishers.ofString(mergePatch, StandardCharsets.UTF_8)));
    }

    Answer delete(Route route, String path) {
        return send(route, request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(timeout).header("X-API-KEY", key);
    }

    private Answer send(Route route, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        long sent = System.nanoTime();
        try {
            var response = http.send(request, BodyHandlers.ofString());
            int status = response.statusCode();
            boolean proper503 = status == 503
                    && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    && response.headers().firstValue("Retry-After").isPresent();
            exchanges.add(new Exchange(route, status, sent, System.nanoTime(), proper503));
            return new Answer(status, response.body(), response.headers().firstValue(SERVED_BY).orElse("?"));
        } catch (HttpTimeoutException e) {
            exchanges.add(new Exchange(route, Exchange.TIMED_OUT, sent, System.nanoTime(), false));
            return new Answer(Exchange.TIMED_OUT, "");
        } catch (IOException e) {
            exchanges.add(new Exchange(route, Exchange.BROKEN, sent, System.nanoTime(), false));
            return new Answer(Exchange.BROKEN, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + request.uri(), e);
        }
    }
}
