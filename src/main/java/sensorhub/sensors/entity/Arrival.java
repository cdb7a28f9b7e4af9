package sensorhub.sensors.entity;

/** A way a sensor's readings come in, and when it last brought one (epoch microseconds, to about a minute). */
public record Arrival(Door door, long lastHeardMicros) {
}
