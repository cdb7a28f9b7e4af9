package sensorhub.sensors.boundary;

/** Which sensors a list asks for; a null field does not filter. */
public record SensorFilter(String location, String type, Boolean active) {
}
