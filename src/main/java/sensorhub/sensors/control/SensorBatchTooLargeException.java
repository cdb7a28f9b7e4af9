package sensorhub.sensors.control;

import sensorhub.problems.control.RejectedException;

/** A batch of more sensors than one request may register. */
public class SensorBatchTooLargeException extends RejectedException {

    public SensorBatchTooLargeException(String detail) {
        super(Reason.TOO_LARGE, detail);
    }
}
