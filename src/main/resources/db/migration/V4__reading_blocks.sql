-- Readings as time blocks: one row per sensor and block, a block being one UTC hour or, for a sensor with more
-- than 4096 readings in an hour, a half, quarter, ... of one (readings.control.BlockCell). The row holds the
-- block's readings encoded (readings.control.BlockCodec) and, beside them, what coarse series and range
-- statistics need without decoding: count, first and last reading, min, max and the exact sum
-- (readings.control.ExactSum). Every hour with readings has a row starting at the hour (its anchor, empty
-- where its readings lie later in the hour): writers of an hour lock and update it first, so they serialise on
-- one row, on InnoDB and on Galera alike.
CREATE TABLE reading_blocks (
    sensor_key    BIGINT           NOT NULL,
    block_start   BIGINT           NOT NULL,
    block_end     BIGINT           NOT NULL,
    reading_count INTEGER          NOT NULL,
    first_micros  BIGINT,
    last_micros   BIGINT,
    first_value   DOUBLE PRECISION,
    last_value    DOUBLE PRECISION,
    min_value     DOUBLE PRECISION,
    max_value     DOUBLE PRECISION,
    value_sum     VARBINARY(300),
    readings      ${block_bytes},
    revision      BIGINT           NOT NULL,
    PRIMARY KEY (sensor_key, block_start),
    CONSTRAINT fk_reading_blocks_sensor FOREIGN KEY (sensor_key) REFERENCES sensors (sensor_key) ON DELETE CASCADE
);
