package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import sensorhub.json.control.BodyTooLargeException;

/** Answers a body over its route's byte limit with 413. */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {

    @Override
    public Response toResponse(BodyTooLargeException exception) {
        return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, exception.getMessage()).toResponse();
    }
}
