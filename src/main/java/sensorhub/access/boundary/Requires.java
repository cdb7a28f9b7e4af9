package sensorhub.access.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import sensorhub.access.entity.Permission;

/**
 * The permission a resource method (or every method of a resource class) needs. {@link ApiKeyFilter} reads it;
 * a method without it needs {@link Permission#ADMIN}, so a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Permission value();
}
