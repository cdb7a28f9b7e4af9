package sensorhub.statistics.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import java.util.Map;
import sensorhub.statistics.control.RangeFigures;
import sensorhub.time.boundary.IsoInstantAdapter;

/**
 * A range's statistics as clients read them: numpy's percentiles by the names the request gave them, the exact
 * mean rounded once; an empty range has {@code count} 0 and null statistics.
 */
@JsonbNillable
@JsonbPropertyOrder({"from", "to", "count", "min", "max", "mean", "percentiles"})
public record RangeStatisticsJson(
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant from,
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant to,
        long count, Double min, Double max, Double mean, Map<String, Double> percentiles) {

    static RangeStatisticsJson of(Instant from, Instant to, RangeFigures figures) {
        return new RangeStatisticsJson(from, to, figures.count(), figures.min(), figures.max(), figures.mean(),
                figures.percentiles());
    }
}
