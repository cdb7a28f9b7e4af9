package sensorhub.sensors.control;

import java.util.List;
import sensorhub.problems.control.RejectedException;

/** Sensors that break a rule of their own fields, or a batch of them that does: nothing is stored. */
public class InvalidSensorsException extends RejectedException {

    public InvalidSensorsException(String detail) {
        super(Reason.INVALID, detail);
    }

    public InvalidSensorsException(String detail, List<Field> fields) {
        super(Reason.INVALID, detail, fields);
    }
}
