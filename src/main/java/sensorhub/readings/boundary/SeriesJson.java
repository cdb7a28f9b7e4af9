package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A sensor's readings summed up in buckets for a chart: the bucket chosen, the zone, and the buckets that hold readings. */
@JsonbPropertyOrder({"bucket", "zone", "points"})
public record SeriesJson(String bucket, String zone, List<SeriesPointJson> points) {
}
