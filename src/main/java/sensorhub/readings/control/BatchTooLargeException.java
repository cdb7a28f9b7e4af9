package sensorhub.readings.control;

import sensorhub.problems.control.RejectedException;

/** A batch of more readings than one request may carry ({@code sensors.readings.max-batch}). */
public class BatchTooLargeException extends RejectedException {

    public BatchTooLargeException(String detail) {
        super(Reason.TOO_LARGE, detail);
    }
}
