-- Readings: the largest table, so each row is three numbers (24 bytes of data), clustered by sensor and time:
-- a sensor's day is one contiguous range of the primary key.
CREATE TABLE sensor_values (
    sensor_key     BIGINT           NOT NULL,
    creation_date  BIGINT           NOT NULL,
    measured_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (sensor_key, creation_date),
    CONSTRAINT fk_sensor_values_sensor FOREIGN KEY (sensor_key) REFERENCES sensors (sensor_key) ON DELETE CASCADE
);

-- Daily statistics computed once and kept, per sensor, time zone and day. A row whose value_count is null is
-- being computed by the request holding its claim. Any write of readings into [day_start, day_end) deletes
-- the row, so a kept row is never out of date.
CREATE TABLE daily_aggregates (
    sensor_key  BIGINT           NOT NULL,
    zone_id     VARCHAR(64)      NOT NULL,
    epoch_day   INTEGER          NOT NULL,
    day_start   BIGINT           NOT NULL,
    day_end     BIGINT           NOT NULL,
    claim       BIGINT,
    value_count BIGINT,
    min_val     DOUBLE PRECISION,
    q1          DOUBLE PRECISION,
    median      DOUBLE PRECISION,
    q3          DOUBLE PRECISION,
    max_val     DOUBLE PRECISION,
    mean        DOUBLE PRECISION,
    PRIMARY KEY (sensor_key, zone_id, epoch_day),
    CONSTRAINT fk_daily_aggregates_sensor FOREIGN KEY (sensor_key) REFERENCES sensors (sensor_key)
        ON DELETE CASCADE
);
CREATE INDEX ix_daily_aggregates_span ON daily_aggregates (sensor_key, day_start);
