package sensorhub.sensors.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import sensorhub.sensors.entity.Arrival;
import sensorhub.time.boundary.IsoInstantAdapter;
import sensorhub.time.control.EpochMicros;

/** A way a sensor's readings arrive ({@code rest}, {@code mqtt}, {@code influx}) and when it last brought one. */
@JsonbPropertyOrder({"door", "lastHeard"})
public record ArrivalJson(String door,
        @JsonbProperty("last_heard") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant lastHeard) {

    static ArrivalJson from(Arrival arrival) {
        return new ArrivalJson(arrival.door().jsonName(), EpochMicros.toInstant(arrival.lastHeardMicros()));
    }
}
