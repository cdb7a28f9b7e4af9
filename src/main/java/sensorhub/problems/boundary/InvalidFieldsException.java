package sensorhub.problems.boundary;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.Set;
import sensorhub.problems.control.RejectedException;

/** A 400 for fields found invalid inside a bean, where JAX-RS validation at the edge could not see them. */
public class InvalidFieldsException extends RejectedException {

    public InvalidFieldsException(Set<? extends ConstraintViolation<?>> violations) {
        super(Reason.INVALID, "The request has invalid fields.", violations.stream()
                .map(v -> new Field(ConstraintViolationMapper.jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Field::name))
                .toList());
    }
}
