package sensorhub.hostile;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What came back: a status ({@code -1} if none), headers by lower-case name, the body, and how the exchange
 * ended: {@code answered}, {@code closed} (without an answer) or {@code timeout}.
 */
record Reply(int status, Map<String, List<String>> headers, byte[] body, long millis, String outcome) {

    static Reply none(String outcome, long millis) {
        return new Reply(-1, Map.of(), new byte[0], millis, outcome);
    }

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    String contentType() {
        return header("Content-Type");
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject object() {
        return Json.createReader(new StringReader(text())).readObject();
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        String text = text();
        return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
}
