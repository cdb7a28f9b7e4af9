package sensorhub.influxql.control;

import jakarta.ejb.ApplicationException;

/**
 * A query or statement refused, in InfluxDB's words: a parse error for the request, else the statement's error.
 * Thrown from a bean, it reaches the caller as it is (an application exception), not wrapped as a system failure.
 */
@ApplicationException
public class QueryException extends RuntimeException {

    public QueryException(String message) {
        super(message, null, false, false);
    }
}
