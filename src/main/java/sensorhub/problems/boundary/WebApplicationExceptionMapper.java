package sensorhub.problems.boundary;

import sensorhub.problems.control.InvalidParameterException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import sensorhub.problems.control.RejectedException;

/**
 * Answers the JAX-RS runtime's own refusals (no such resource, method not allowed, unsupported or
 * unacceptable media type, a parameter it cannot convert) as problems, keeping the headers it set, such as
 * {@code Allow}. A parameter converter's own refusal ({@link InvalidParameterException}) reaches here as the
 * cause of the runtime's exception and is answered as it is.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof RejectedException refused) {
            return RejectedMapper.answer(refused);
        }
        Response original = exception.getResponse();
        if (unconvertibleParameter(exception)) {
            return Problem.of(Status.BAD_REQUEST, "A path or query parameter has a value of the wrong type.")
                    .toResponse();
        }
        Problem problem = Problem.of(original.getStatusInfo(), detail(original.getStatus(), exception));
        return Response.fromResponse(original).type(Problem.TYPE).entity(problem).build();
    }

    /**
     * JAX-RS answers a query parameter it cannot convert (say {@code limit=ten}) with a 404 carrying the
     * conversion failure as its cause; for the client that is a bad request, not a missing resource.
     */
    private static boolean unconvertibleParameter(WebApplicationException exception) {
        return exception.getResponse().getStatus() == 404 && exception.getCause() != null
                && !(exception.getCause() instanceof WebApplicationException);
    }

    private String detail(int status, WebApplicationException exception) {
        return switch (status) {
            case 404 -> "Nothing is found at " + uriInfo.getRequestUri().getPath() + ".";
            case 405 -> "The method " + request.getMethod() + " is not allowed on " + uriInfo.getRequestUri().getPath()
                    + ".";
            case 406 -> "None of the media types in the Accept header can be produced.";
            case 415 -> "This media type of the request body is not supported here.";
            case 400 -> "The request cannot be read.";
            default -> exception.getResponse().getStatusInfo().getReasonPhrase();
        };
    }
}
