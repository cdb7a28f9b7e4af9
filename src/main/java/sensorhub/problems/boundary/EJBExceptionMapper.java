package sensorhub.problems.boundary;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Looks inside the container's {@link EJBException} wrapper so the cause gets the answer its own mapper
 * gives (a validation failure raised in a bean is still a 400).
 */
@Provider
public class EJBExceptionMapper implements ExceptionMapper<EJBException> {

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(EJBException exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception.getCausedByException();
        if (cause == null || cause instanceof EJBException) {
            return UnexpectedFailureMapper.answer(exception);
        }
        ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
        return mapper == null ? UnexpectedFailureMapper.answer(cause) : mapper.toResponse(cause);
    }
}
