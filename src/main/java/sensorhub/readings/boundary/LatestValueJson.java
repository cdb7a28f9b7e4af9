package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sensorhub.time.boundary.IsoInstantAdapter;

/** The newest reading of a sensor, with the sensor's unit. */
@Schema(name = "LatestValue")
@JsonbPropertyOrder({"sensorId", "creationDate", "value", "unit"})
public record LatestValueJson(
        @JsonbProperty("sensor_id") @Schema(name = "sensor_id") String sensorId,
        @JsonbProperty("creation_date") @JsonbTypeAdapter(IsoInstantAdapter.class)
        @Schema(name = "creation_date", example = "2026-11-28T09:30:00Z") Instant creationDate,
        double value, String unit) {
}
