package sensorhub.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** A black-box client of the deployed service, calling it over HTTP with one API key. */
public final class Api {

    public static final String ADMIN_KEY = System.getProperty("it.admin-key");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final String key;

    private Api(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The API of the deployment at {@code deployment}, called with the bootstrap admin key. */
    public static Api at(URL deployment) {
        return new Api(URI.create(deployment.toString()), ADMIN_KEY);
    }

    /** The same API called with another key, or none when {@code key} is null. */
    public Api as(String otherKey) {
        return new Api(base, otherKey);
    }

    /** An address on the server outside the application, such as {@code /openapi} (an absolute path). */
    public URI serverRoot(String path) {
        return base.resolve(path);
    }

    /**
     * The server's health check {@code check}, such as {@code ready}: at {@code /health} beside the application,
     * or under {@code it.health.root} where the server serves it elsewhere (WildFly: on its management port).
     */
    public URI health(String check) {
        String root = System.getProperty("it.health.root", "");
        return root.isBlank() ? base.resolve("/health/" + check) : URI.create(root + "/health/" + check);
    }

    /** A path segment naming {@code text} exactly: every byte but RFC 3986's unreserved characters percent-encoded. */
    public static String segment(String text) {
        StringBuilder segment = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                segment.append(c);
            } else {
                segment.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return segment.toString();
    }

    /** A page of the web application outside the API, such as {@code api-docs/}. */
    public Answer page(String path) {
        return follow(base.resolve(path));
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public Answer post(String path, String json) {
        return post(path, "application/json", json);
    }

    public Answer post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    public Answer patch(String path, String mergePatch) {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", BodyPublishers.ofString(mergePatch)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    public Answer send(String method, String path) {
        return send(request(path).method(method, BodyPublishers.noBody()));
    }

    public Answer send(String method, String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).method(method, BodyPublishers.ofString(body)));
    }

    /** Follows an absolute link the service gave, e.g. a {@code rel="next"} page. */
    public Answer follow(URI link) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(link));
        Optional.ofNullable(key).ifPresent(k -> builder.header("X-API-KEY", k));
        return send(builder.GET());
    }

    private HttpRequest.Builder request(String path) {
        URI uri = base.resolve("api/" + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        Optional.ofNullable(key).ifPresent(k -> builder.header("X-API-KEY", k));
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers and body, with the body readable as JSON. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonObject object() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The target of the {@code Link: <...>; rel="next"} header, if there is one. */
        public Optional<URI> next() {
            return headers.allValues("Link").stream()
                    .flatMap(v -> Arrays.stream(v.split(",")))
                    .filter(v -> v.contains("rel=\"next\""))
                    .map(v -> URI.create(v.substring(v.indexOf('<') + 1, v.indexOf('>'))))
                    .findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
