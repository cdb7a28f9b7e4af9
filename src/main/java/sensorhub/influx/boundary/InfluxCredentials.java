package sensorhub.influx.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import sensorhub.access.boundary.ApiKeyFilter;

/**
 * The API key of a request to InfluxDB's API, wherever its clients put it: {@code Authorization: Token <key>}
 * (2.x clients, Telegraf's v2 output), the password of Basic auth (1.x clients, Home Assistant), the {@code p=}
 * parameter (node-influx, the {@code influx} CLI), or {@code X-API-KEY}. The user name is passed over.
 */
final class InfluxCredentials {

    private InfluxCredentials() {
    }

    /** @param password the {@code p=} parameter, if the request has one */
    static Optional<String> of(HttpServletRequest request, String password) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String[] parts = authorization.trim().split("\\s+", 2);
            if (parts.length == 2 && (parts[0].equalsIgnoreCase("Token") || parts[0].equalsIgnoreCase("Bearer"))) {
                return present(parts[1]);
            }
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Basic")) {
                return basicPassword(parts[1]);
            }
        }
        return present(password).or(() -> present(request.getHeader(ApiKeyFilter.HEADER)));
    }

    private static Optional<String> basicPassword(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : present(pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> present(String secret) {
        return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret.trim());
    }
}
