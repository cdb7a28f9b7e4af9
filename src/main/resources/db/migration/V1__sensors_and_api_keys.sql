-- Instants are BIGINT microseconds since the epoch (UTC): exact on every database and driver.
-- ${exact_text} is a binary collation on MySQL/MariaDB (ids are case-sensitive there too) and empty on H2.

CREATE TABLE id_sequences (
    sequence_name VARCHAR(50) NOT NULL PRIMARY KEY,
    next_value    BIGINT      NOT NULL
);
INSERT INTO id_sequences (sequence_name, next_value) VALUES ('sensors', 0);
INSERT INTO id_sequences (sequence_name, next_value) VALUES ('api_keys', 0);

CREATE TABLE sensors (
    sensor_key      BIGINT       NOT NULL PRIMARY KEY,
    id              VARCHAR(90)  ${exact_text} NOT NULL,
    name            VARCHAR(200) NOT NULL,
    type            VARCHAR(90)  NOT NULL,
    unit            VARCHAR(30)  NOT NULL,
    location        VARCHAR(200),
    active          BOOLEAN      NOT NULL,
    activation_date BIGINT       NOT NULL,
    updated_by      VARCHAR(100) NOT NULL,
    updated_at      BIGINT       NOT NULL,
    CONSTRAINT uq_sensors_id UNIQUE (id)
);
-- The list's order (newest activation first, then id), alone and within a location.
CREATE INDEX ix_sensors_activation ON sensors (activation_date, id);
CREATE INDEX ix_sensors_location ON sensors (location, activation_date, id);

CREATE TABLE api_keys (
    id           BIGINT       NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    secret_hash  CHAR(64)     NOT NULL,
    permissions  VARCHAR(60)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT,
    CONSTRAINT uq_api_keys_name UNIQUE (name),
    CONSTRAINT uq_api_keys_secret_hash UNIQUE (secret_hash)
);
