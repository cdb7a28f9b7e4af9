package sensorhub.sensors.control;

import sensorhub.problems.control.RejectedException;

/** No sensor has the id a request named. */
public class SensorNotFoundException extends RejectedException {

    public SensorNotFoundException(String id) {
        super(Reason.NOT_FOUND, "No sensor has the id '" + id + "'.");
    }
}
