package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a batch went: readings newly stored, and readings that were stored already with the same value. */
@Schema(name = "StoreOutcome")
@JsonbPropertyOrder({"inserted", "unchanged"})
public record StoreOutcome(int inserted, int unchanged) {
}
