package sensorhub.sensors.boundary;

import jakarta.ws.rs.core.Response.Status;
import sensorhub.problems.boundary.ProblemException;

/** No sensor has the id a request named. */
public class SensorNotFoundException extends ProblemException {

    public SensorNotFoundException(String id) {
        super(Status.NOT_FOUND, "No sensor has the id '" + id + "'.");
    }
}
