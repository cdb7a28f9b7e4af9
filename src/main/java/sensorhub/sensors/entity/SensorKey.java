package sensorhub.sensors.entity;

/**
 * What reads and writes of a sensor's readings need of it: the key its rows are stored under, its id, its unit, its
 * own retention (an ISO-8601 duration, null where the default applies) and the instant in epoch microseconds before
 * which its readings were removed ({@link #NOTHING_SWEPT} while none were).
 */
public record SensorKey(long key, String id, String unit, String retention, long sweptBefore) {

    public static final long NOTHING_SWEPT = Long.MIN_VALUE;
}
