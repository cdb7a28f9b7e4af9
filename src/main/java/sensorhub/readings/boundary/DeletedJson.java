package sensorhub.readings.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many readings a delete removed. */
@Schema(name = "Deleted")
public record DeletedJson(long deleted) {
}
