package sensorhub.access.control;

import sensorhub.problems.control.RejectedException;

/** An API key name in use, or used before: names stay unique so that {@code updated_by} stays unambiguous. */
public class ApiKeyNameTakenException extends RejectedException {

    public ApiKeyNameTakenException(String detail) {
        super(Reason.CONFLICT, detail);
    }
}
