package sensorhub.time.control;

import java.util.List;
import sensorhub.problems.control.RejectedException;

/** A query or path parameter that is not what its name promises: a date, an instant, a zone. */
public class InvalidParameterException extends RejectedException {

    public InvalidParameterException(String parameter, String message) {
        super(Reason.INVALID, "The parameter '" + parameter + "' " + message + ".",
                List.of(new Field(parameter, message)));
    }
}
