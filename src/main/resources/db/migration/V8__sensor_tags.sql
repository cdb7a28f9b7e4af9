-- A sensor's tags (API.md "Sensor tags"): at most 32 per sensor, keys of 1 to 64 characters, values of 1 to 256,
-- compared exactly as ids are (a binary collation on MySQL/MariaDB), so that ?tag=floor:2 matches neither Floor:2
-- nor floor:2 with a space.
CREATE TABLE sensor_tags (
    sensor_key BIGINT       NOT NULL,
    tag_key    VARCHAR(64)  ${exact_text} NOT NULL,
    tag_value  VARCHAR(256) ${exact_text} NOT NULL,
    PRIMARY KEY (sensor_key, tag_key),
    CONSTRAINT fk_sensor_tags_sensor FOREIGN KEY (sensor_key) REFERENCES sensors (sensor_key) ON DELETE CASCADE
);
-- ?tag=key:value finds its sensors from the pair.
CREATE INDEX ix_sensor_tags_pair ON sensor_tags (tag_key, tag_value, sensor_key);
