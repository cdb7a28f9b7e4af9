package sensorhub.problems.boundary;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime wraps a body its JSON binding could not read in a {@link ProcessingException}: that is
 * the client's 400. Any other processing failure is the server's.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return JsonBindingFailures.isJsonFailure(exception)
                ? Problem.of(Status.BAD_REQUEST, JsonBindingFailures.describe(exception)).toResponse()
                : UnexpectedFailureMapper.answer(exception);
    }
}
