package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import sensorhub.problems.control.RejectedException;

/** Answers a refused request with the status its reason calls for, naming each bad field. */
@Provider
public class RejectedMapper implements ExceptionMapper<RejectedException> {

    @Override
    public Response toResponse(RejectedException rejected) {
        return answer(rejected);
    }

    static Response answer(RejectedException rejected) {
        List<Problem.FieldError> errors = rejected.fields().stream()
                .map(field -> new Problem.FieldError(field.name(), field.message())).toList();
        return Problem.of(status(rejected.reason()), rejected.getMessage(), errors.isEmpty() ? null : errors)
                .toResponse();
    }

    static StatusType status(RejectedException.Reason reason) {
        return switch (reason) {
            case INVALID -> Status.BAD_REQUEST;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case UNPROCESSABLE -> Problem.UNPROCESSABLE_CONTENT;
            case TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE;
        };
    }
}
