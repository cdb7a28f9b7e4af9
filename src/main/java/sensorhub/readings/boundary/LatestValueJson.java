package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import sensorhub.time.boundary.IsoInstantAdapter;

/** The newest reading of a sensor, with the sensor's unit. */
@JsonbPropertyOrder({"sensorId", "creationDate", "value", "unit"})
public record LatestValueJson(
        @JsonbProperty("sensor_id") String sensorId,
        @JsonbProperty("creation_date") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant creationDate,
        double value, String unit) {
}
