-- Retention (API.md "Retention"). A sensor's retention is an ISO-8601 duration (null: the configured default);
-- swept_before is the instant (epoch microseconds) before which the sweep has removed its readings, null while
-- none were: reads that would need readings before it are 410.
ALTER TABLE sensors ADD COLUMN retention VARCHAR(40);
ALTER TABLE sensors ADD COLUMN swept_before BIGINT;
-- What the removed readings of each UTC hour summarise, made from the hour's block headers before they go: enough
-- for series of an hour or coarser. The sum is exact (ExactSum's bytes), as a block's is; the values are kept as
-- their IEEE 754 bits, as DOUBLE loses the sign of a zero on H2 and MariaDB.
CREATE TABLE hourly_rollups (
    sensor_key    BIGINT           NOT NULL,
    hour_start    BIGINT           NOT NULL,
    reading_count INTEGER          NOT NULL,
    first_micros  BIGINT           NOT NULL,
    last_micros   BIGINT           NOT NULL,
    first_bits    BIGINT           NOT NULL,
    last_bits     BIGINT           NOT NULL,
    min_bits      BIGINT           NOT NULL,
    max_bits      BIGINT           NOT NULL,
    value_sum     VARBINARY(300)   NOT NULL,
    PRIMARY KEY (sensor_key, hour_start),
    CONSTRAINT fk_hourly_rollups_sensor FOREIGN KEY (sensor_key) REFERENCES sensors (sensor_key) ON DELETE CASCADE
);
-- Work one instance does at a time (the retention sweep): held by whoever last took it until it expires, taken
-- over by another instance once its holder stopped renewing it.
CREATE TABLE leases (
    name           VARCHAR(64)  NOT NULL,
    holder         VARCHAR(128) NOT NULL,
    expires_micros BIGINT       NOT NULL,
    PRIMARY KEY (name)
);
