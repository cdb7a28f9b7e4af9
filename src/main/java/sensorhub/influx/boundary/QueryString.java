package sensorhub.influx.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameters of a request's query string alone. A write's body is line protocol whatever its
 * {@code Content-Type} says: curl labels it {@code application/x-www-form-urlencoded}, and the servlet's
 * {@code getParameter} would then read the body as a form, leaving nothing to store.
 */
final class QueryString {

    private final Map<String, String> parameters = new HashMap<>();

    private QueryString(String query) {
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
    }

    static QueryString of(HttpServletRequest request) {
        return new QueryString(request.getQueryString());
    }

    /** The first value of the parameter, or null. */
    String get(String name) {
        return parameters.get(name);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
