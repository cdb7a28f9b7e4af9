package sensorhub.sensors.entity;

/** What reads of a sensor's readings need of it: the key its rows are stored under, its id and its unit. */
public record SensorKey(long key, String id, String unit) {
}
