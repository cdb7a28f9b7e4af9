package sensorhub.web.boundary;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The {@code limit} of a paged list: a whole number from 1 to {@link #max()}, the bounds the OpenAPI document
 * states beside each {@code limit}.
 */
@Min(1)
@Max(Long.MAX_VALUE)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface PageSize {

    String message() default "must be a whole number from 1 to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @OverridesAttribute(constraint = Max.class, name = "value")
    long max();
}
