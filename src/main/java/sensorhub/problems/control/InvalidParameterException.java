package sensorhub.problems.control;

import java.util.List;

/**
 * A query or path parameter that is not what its name promises: a date, an instant, a zone, a number, a cursor.
 * Thrown by control code and by the parameter converters alike.
 */
public class InvalidParameterException extends RejectedException {

    public InvalidParameterException(String parameter, String message) {
        super(Reason.INVALID, "The parameter '" + parameter + "' " + message + ".",
                List.of(new Field(parameter, message)));
    }
}
