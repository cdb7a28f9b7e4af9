package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import sensorhub.blocks.entity.SeriesPoint;
import sensorhub.time.boundary.IsoInstantAdapter;
import sensorhub.time.control.EpochMicros;

/** One bucket of a series: its span, and the count, extremes, exact mean, first and last of its readings. */
@JsonbPropertyOrder({"start", "end", "count", "min", "max", "mean", "first", "last"})
public record SeriesPointJson(
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant start,
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant end,
        long count, double min, double max, double mean, double first, double last) {

    static SeriesPointJson from(SeriesPoint point) {
        return new SeriesPointJson(EpochMicros.toInstant(point.startMicros()), EpochMicros.toInstant(point.endMicros()),
                point.count(), point.min(), point.max(), point.mean(), point.first(), point.last());
    }
}
