package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import sensorhub.blocks.entity.Reading;
import sensorhub.time.boundary.IsoInstantAdapter;
import sensorhub.time.control.EpochMicros;

/** A stored reading as listed: its time and value. */
@JsonbPropertyOrder({"creationDate", "value"})
public record ReadingJson(
        @JsonbProperty("creation_date") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant creationDate,
        double value) {

    static ReadingJson from(Reading reading) {
        return new ReadingJson(EpochMicros.toInstant(reading.creationMicros()), reading.value());
    }
}
