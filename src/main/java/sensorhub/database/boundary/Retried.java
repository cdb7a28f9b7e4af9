package sensorhub.database.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a feature's door to its writes: the method runs outside any transaction and calls a bean whose transaction
 * is tried again where the database gave up on it for another transaction's sake ({@link RetryTransactions}). The
 * one layer where the service retries.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Retried {
}
