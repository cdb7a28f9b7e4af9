package sensorhub.problems.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.core.Response.Status;
import java.util.Comparator;
import java.util.Set;

/** A 400 for fields found invalid inside a bean, where JAX-RS validation at the edge could not see them. */
public class InvalidFieldsException extends ProblemException {

    public InvalidFieldsException(Set<? extends ConstraintViolation<?>> violations) {
        super(Status.BAD_REQUEST, "The request has invalid fields.", violations.stream()
                .map(v -> new Problem.FieldError(ConstraintViolationMapper.jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList());
    }
}
