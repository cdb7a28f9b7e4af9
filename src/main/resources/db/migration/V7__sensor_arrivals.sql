-- How a sensor's readings arrive (REST, MQTT, InfluxDB's API) and when each way last brought one: written by each
-- instance at most once a minute per sensor and way, outside the ingest's transaction (sensors.boundary.Arrivals).
CREATE TABLE sensor_arrivals (
    sensor_key BIGINT      NOT NULL,
    door       VARCHAR(16) NOT NULL,
    last_heard BIGINT      NOT NULL,
    PRIMARY KEY (sensor_key, door),
    CONSTRAINT fk_sensor_arrivals_sensor FOREIGN KEY (sensor_key) REFERENCES sensors (sensor_key) ON DELETE CASCADE
);
