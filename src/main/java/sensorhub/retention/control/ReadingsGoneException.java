package sensorhub.retention.control;

import sensorhub.problems.control.RejectedException;

/**
 * A read that needs readings the sensor's retention removed: 410, saying what was kept of them instead.
 */
public class ReadingsGoneException extends RejectedException {

    public ReadingsGoneException(String detail) {
        super(Reason.GONE, detail);
    }
}
