package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sensor's readings summed up in buckets for a chart: the bucket chosen, the zone, and the buckets that hold readings. */
@Schema(name = "Series")
@JsonbPropertyOrder({"bucket", "zone", "points"})
public record SeriesJson(@Schema(example = "PT1H") String bucket, @Schema(example = "Europe/Berlin") String zone,
        List<SeriesPointJson> points) {
}
