package sensorhub.sensors.boundary;

import java.util.List;
import java.util.Optional;
import sensorhub.sensors.control.SensorCursor;
import sensorhub.sensors.entity.Sensor;

/** One page of the sensor list, and where the next one starts if there is one. */
public record SensorPage(List<Sensor> sensors, Optional<SensorCursor> next) {
}
