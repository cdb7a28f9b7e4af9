package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** How a batch went: readings newly stored, and readings that were stored already with the same value. */
@JsonbPropertyOrder({"inserted", "unchanged"})
public record StoreOutcome(int inserted, int unchanged) {
}
