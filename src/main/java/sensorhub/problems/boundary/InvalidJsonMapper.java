package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import sensorhub.json.control.InvalidJsonException;

/** Answers a body that is not the JSON this service reads with 400, naming each bad field where known. */
@Provider
public class InvalidJsonMapper implements ExceptionMapper<InvalidJsonException> {

    @Override
    public Response toResponse(InvalidJsonException exception) {
        List<Problem.FieldError> errors = exception.fields().entrySet().stream()
                .map(e -> new Problem.FieldError(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return Problem.of(Status.BAD_REQUEST, exception.getMessage(), errors.isEmpty() ? null : errors)
                .toResponse();
    }
}
