-- InfluxDB's API (docs/influxdb.md). A database is a namespace: created by CREATE DATABASE or by its first write,
-- and listed by SHOW DATABASES.
CREATE TABLE influx_databases (
    name VARCHAR(64) ${exact_text} NOT NULL,
    PRIMARY KEY (name)
);
-- Which series each sensor is, in which database: what a query finds by measurement and field, and the field's type
-- as first written (float, or integer for 12i), which SHOW FIELD KEYS answers. A sensor named by a sensor_id tag may
-- be written as several series, from several databases.
CREATE TABLE influx_series (
    sensor_key  BIGINT       NOT NULL,
    db          VARCHAR(64)  ${exact_text} NOT NULL,
    measurement VARCHAR(256) ${exact_text} NOT NULL,
    field       VARCHAR(256) ${exact_text} NOT NULL,
    field_type  VARCHAR(8)   NOT NULL,
    PRIMARY KEY (sensor_key, db, measurement, field),
    CONSTRAINT fk_influx_series_sensor FOREIGN KEY (sensor_key) REFERENCES sensors (sensor_key) ON DELETE CASCADE,
    CONSTRAINT fk_influx_series_db FOREIGN KEY (db) REFERENCES influx_databases (name)
);
CREATE INDEX ix_influx_series_measurement ON influx_series (db, measurement, field, sensor_key);
