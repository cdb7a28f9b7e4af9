package sensorhub.sensors.entity;

import java.util.Locale;

/** A way readings come in: the REST API, an MQTT broker, or InfluxDB's write API. */
public enum Door {
    REST, MQTT, INFLUX;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
