package sensorhub.sensors.control;

import java.util.List;
import sensorhub.problems.control.RejectedException;

/** Sensor ids that exist already, or repeat in the batch: nothing is stored. */
public class SensorIdTakenException extends RejectedException {

    public SensorIdTakenException(String detail, List<Field> ids) {
        super(Reason.CONFLICT, detail, ids);
    }
}
