package sensorhub.problems.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response.StatusType;
import java.util.List;

/**
 * A business rule the request broke, with the HTTP status that says so. Thrown from the beans, it rolls the
 * transaction back and reaches the client unwrapped (subclasses inherit the annotation).
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(StatusType status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(StatusType status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.problem = Problem.of(status, detail, errors);
    }

    public Problem problem() {
        return problem;
    }
}
