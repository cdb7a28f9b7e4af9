package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A 400 for a path or query parameter whose text is not a value of its type, thrown by the parameter converters.
 * JAX-RS wraps it (as the cause of a 404 for a query parameter, by the specification) and
 * {@link WebApplicationExceptionMapper} answers with this problem.
 */
public class InvalidParameterException extends ProblemException {

    /** @param message what is wrong, as it follows the parameter's name: "must be true or false" */
    public InvalidParameterException(String parameter, String message) {
        super(Status.BAD_REQUEST, "The parameter '" + parameter + "' " + message + ".",
                List.of(new Problem.FieldError(parameter, message)));
    }
}
