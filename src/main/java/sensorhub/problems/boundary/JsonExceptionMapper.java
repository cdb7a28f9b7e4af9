package sensorhub.problems.boundary;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a body that is not well-formed JSON, met while streaming through it, with 400. */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException exception) {
        return Problem.of(Status.BAD_REQUEST, JsonBindingFailures.describe(exception)).toResponse();
    }
}
