package sensorhub.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import sensorhub.testing.Api;

/**
 * One hostile request and what a correct service answers it: a status out of {@code expected} (any status
 * below 500 when empty) and whatever {@code extra} checks. {@code raw} sends it over a plain socket, for what
 * {@link java.net.http.HttpClient} refuses to send (control characters in a header, malformed escapes);
 * {@code server} marks what the app server answers itself ({@link #byServer}).
 */
record Hostile(String name, String method, String target, String key, List<Map.Entry<String, String>> headers,
        byte[] body, boolean raw, Set<Integer> expected, Consumer<Reply> extra, boolean server) {

    static Hostile call(String name, String method, String target) {
        return new Hostile(name, method, target, Api.ADMIN_KEY, List.of(), null, false, Set.of(), reply -> {
        }, false);
    }

    Hostile key(String otherKey) {
        return new Hostile(name, method, target, otherKey, headers, body, raw, expected, extra, server);
    }

    Hostile header(String header, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(header, value));
        return new Hostile(name, method, target, key, List.copyOf(more), body, raw, expected, extra, server);
    }

    Hostile body(String contentType, byte[] bytes) {
        Hostile typed = contentType == null ? this : header("Content-Type", contentType);
        return new Hostile(name, method, target, key, typed.headers, bytes, raw, expected, extra, server);
    }

    Hostile body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    Hostile json(String text) {
        return body("application/json", text);
    }

    Hostile csv(String text) {
        return body("text/csv", text);
    }

    Hostile mergePatch(String text) {
        return body("application/merge-patch+json", text);
    }

    Hostile expect(Integer... statuses) {
        return new Hostile(name, method, target, key, headers, body, raw, Set.of(statuses), extra, server);
    }

    Hostile then(Consumer<Reply> check) {
        Consumer<Reply> both = extra.andThen(check);
        return new Hostile(name, method, target, key, headers, body, raw, expected, both, server);
    }

    Hostile overSocket() {
        return new Hostile(name, method, target, key, headers, body, true, expected, extra, server);
    }

    Hostile named(String otherName) {
        return new Hostile(otherName, method, target, key, headers, body, raw, expected, extra, server);
    }

    /**
     * Answered by the app server before any application code on some server (Grizzly or Undertow refuses the
     * request line or a header, guards WEB-INF, or a servlet of its own answers): the expected statuses within
     * the limit and no write, but no problem+json. README "What answers without a key" lists these.
     */
    Hostile byServer() {
        return new Hostile(name, method, target, key, headers, body, raw, expected, extra, true);
    }

    boolean writes() {
        return Set.of("POST", "PUT", "PATCH", "DELETE").contains(method);
    }

    @Override
    public String toString() {
        return name;
    }
}
