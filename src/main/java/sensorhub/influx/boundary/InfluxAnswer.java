package sensorhub.influx.boundary;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import sensorhub.problems.boundary.Problem;
import sensorhub.problems.boundary.UnexpectedFailureMapper;
import sensorhub.problems.control.RejectedException;

/** An answer in InfluxDB's shapes: 1.x's {@code {"error": "..."}}, 2.x's {@code {"code": "...", "message": "..."}}. */
final class InfluxAnswer {

    private final HttpServletResponse response;
    private final boolean v2;

    InfluxAnswer(HttpServletResponse response, boolean v2) {
        this.response = response;
        this.v2 = v2;
    }

    void stored() {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** A missing, unknown or revoked key, in InfluxDB's words; Basic auth is offered, as InfluxDB 1.x does. */
    void unauthorized() throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"InfluxDB\"");
        if (v2) {
            write(HttpServletResponse.SC_UNAUTHORIZED, Json.createObjectBuilder().add("code", "unauthorized")
                    .add("message", "unauthorized access").build().toString());
        } else {
            error(HttpServletResponse.SC_UNAUTHORIZED, "authorization failed");
        }
    }

    void methodNotAllowed(String allowed) throws IOException {
        response.setHeader("Allow", allowed);
        error(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed; use " + allowed);
    }

    /**
     * A request that failed on its way: a refusal with its status (413 for a body too large, say), a database
     * failure as 503 with {@code Retry-After}, anything else as 500 naming only an incident (the log has the rest).
     */
    void failure(RuntimeException failure) throws IOException {
        if (failure instanceof RejectedException rejected) {
            error(Problem.of(rejected).status(), rejected.getMessage() + rejected.fields().stream().limit(1)
                    .map(f -> " " + f.name() + ": " + f.message()).collect(Collectors.joining()));
            return;
        }
        Response answer = UnexpectedFailureMapper.answer(failure);
        Optional.ofNullable(answer.getHeaderString("Retry-After"))
                .ifPresent(seconds -> response.setHeader("Retry-After", seconds));
        error(answer.getStatus(), ((Problem) answer.getEntity()).detail());
    }

    void error(int status, String message) throws IOException {
        write(status, v2 ? Json.createObjectBuilder().add("code", code(status)).add("message", message).build()
                .toString() : Json.createObjectBuilder().add("error", message).build().toString());
    }

    /** InfluxDB 2.x's error codes, by status. */
    private static String code(int status) {
        return switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> "unauthorized";
            case HttpServletResponse.SC_FORBIDDEN -> "forbidden";
            case HttpServletResponse.SC_NOT_FOUND -> "not found";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "method not allowed";
            case HttpServletResponse.SC_CONFLICT -> "conflict";
            case HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE -> "request too large";
            case HttpServletResponse.SC_SERVICE_UNAVAILABLE -> "unavailable";
            case HttpServletResponse.SC_INTERNAL_SERVER_ERROR -> "internal error";
            default -> "invalid";
        };
    }

    void write(int status, String contentType, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    private void write(int status, String json) throws IOException {
        write(status, "application/json", json);
    }
}
