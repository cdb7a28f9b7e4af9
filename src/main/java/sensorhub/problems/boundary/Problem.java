package sensorhub.problems.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.StatusType;
import java.util.List;
import java.util.Locale;
import sensorhub.problems.control.RejectedException;

/**
 * The RFC 9457 problem document every error answer carries.
 *
 * @param errors for validation failures, one entry per bad field; absent otherwise
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = new MediaType("application", "problem+json");

    /** RFC 9110's 422, which JAX-RS 3.1's {@code Status} does not name. */
    public static final StatusType UNPROCESSABLE_CONTENT = new StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    /** One invalid field, named as the client wrote it, e.g. {@code [3].creation_date}. */
    public record FieldError(String field, String message) {
    }

    /** The problem of a refused request: the status its reason calls for, each bad field named. */
    public static Problem of(RejectedException rejected) {
        List<FieldError> errors = rejected.fields().stream()
                .map(field -> new FieldError(field.name(), field.message())).toList();
        return of(status(rejected.reason()), rejected.getMessage(), errors.isEmpty() ? null : errors);
    }

    static StatusType status(RejectedException.Reason reason) {
        return switch (reason) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case UNPROCESSABLE -> UNPROCESSABLE_CONTENT;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case GONE -> Response.Status.GONE;
        };
    }

    public static Problem of(StatusType status, String detail) {
        return of(status, detail, null);
    }

    public static Problem of(StatusType status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    }

    /**
     * A 503 with a problem type of its own for each kind of unavailability, named after its title (e.g.
     * {@code tag:sensorhub,2026:database-unreachable}), so that clients and alarms can tell the kinds apart.
     */
    public static Problem unavailable(String title, String detail) {
        String type = "tag:sensorhub,2026:" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Problem(type, title, Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), detail, null);
    }

    public Response toResponse() {
        return Response.status(status).type(TYPE).entity(this).build();
    }
}
