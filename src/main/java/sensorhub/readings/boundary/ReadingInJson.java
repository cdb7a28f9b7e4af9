package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reading as a client sends it: documentation only, since batches are read as a stream
 * ({@link sensorhub.readings.control.ReadingBatchParser}), not bound to objects.
 */
@Schema(name = "ReadingIn", requiredProperties = {"sensor_id", "creation_date", "value"})
public record ReadingInJson(
        @JsonbProperty("sensor_id") @Schema(name = "sensor_id", example = "greenhouse-7-temp") String sensorId,
        @JsonbProperty("creation_date") @Schema(name = "creation_date", example = "2026-11-28T09:30:00.000001Z",
                description = "ISO-8601; without an offset it is UTC") String creationDate,
        @Schema(example = "21.5", description = "A finite number") double value) {
}
