package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sensorhub.blocks.entity.Reading;
import sensorhub.time.boundary.IsoInstantAdapter;
import sensorhub.time.control.EpochMicros;

/** A stored reading as listed: its time and value. */
@Schema(name = "Reading")
@JsonbPropertyOrder({"creationDate", "value"})
public record ReadingJson(
        @JsonbProperty("creation_date") @JsonbTypeAdapter(IsoInstantAdapter.class)
        @Schema(name = "creation_date", example = "2026-11-28T09:30:00.000001Z") Instant creationDate,
        double value) {

    static ReadingJson from(Reading reading) {
        return new ReadingJson(EpochMicros.toInstant(reading.creationMicros()), reading.value());
    }
}
