package sensorhub.access.control;

import sensorhub.problems.control.RejectedException;

/** No active API key has the id a request named. */
public class ApiKeyNotFoundException extends RejectedException {

    public ApiKeyNotFoundException(long id) {
        super(Reason.NOT_FOUND, "No active API key has the id " + id + ".");
    }
}
