package sensorhub.retention.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import sensorhub.time.boundary.IsoInstantAdapter;

/**
 * What a sensor's readings take: how many are stored, the bytes of their encoded blocks, the oldest and newest,
 * the retention in force (the sensor's own, else the default; null: kept forever) and the instant before which
 * readings are refused and removed.
 */
@JsonbNillable
@JsonbPropertyOrder({"readings", "bytes", "oldest", "newest", "retention", "expiresBefore"})
public record StorageJson(
        long readings,
        long bytes,
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant oldest,
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant newest,
        String retention,
        @JsonbProperty("expires_before") @JsonbNillable @JsonbTypeAdapter(IsoInstantAdapter.class)
        Instant expiresBefore) {
}
