package sensorhub.sensors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One of a sensor's tags. A row of its own rather than a collection of {@link Sensor}'s, so that a page of sensors
 * loads its tags in one query ({@link #OF_SENSORS}, as values, so that none is managed when a change removes and
 * writes them again) and a filter by tag is a subquery on its index.
 */
@Entity
@Table(name = "sensor_tags")
@IdClass(SensorTag.Key.class)
@NamedQuery(name = SensorTag.OF_SENSORS,
        query = "SELECT t.sensorKey, t.key, t.value FROM SensorTag t WHERE t.sensorKey IN :keys")
@NamedQuery(name = SensorTag.REMOVE_OF_SENSOR, query = "DELETE FROM SensorTag t WHERE t.sensorKey = :key")
public class SensorTag {

    public static final String OF_SENSORS = "SensorTag.ofSensors";
    public static final String REMOVE_OF_SENSOR = "SensorTag.removeOfSensor";

    @Id
    @Column(name = "sensor_key")
    private long sensorKey;

    @Id
    @Column(name = "tag_key")
    private String key;

    @Column(name = "tag_value")
    private String value;

    protected SensorTag() {
    }

    public SensorTag(long sensorKey, String key, String value) {
        this.sensorKey = sensorKey;
        this.key = key;
        this.value = value;
    }

    public long sensorKey() {
        return sensorKey;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    /** The primary key: a sensor has each tag key once. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public long sensorKey;
        public String key;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && that.sensorKey == sensorKey && that.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(sensorKey) * 31 + key.hashCode();
        }
    }
}
