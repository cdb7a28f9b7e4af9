package sensorhub.aggregations.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import sensorhub.aggregations.entity.DailyAggregation;
import sensorhub.numbers.entity.Statistics;

/**
 * A day's statistics as clients read them. A day without readings has {@code count} 0 and null statistics;
 * quartiles are those of {@code numpy.percentile(values, [25, 50, 75])}, the mean the exact one, rounded once.
 */
@JsonbNillable
@JsonbPropertyOrder({"date", "count", "minVal", "q1", "median", "q3", "maxVal", "mean", "unit"})
public record AggregationJson(
        String date,
        long count,
        @JsonbProperty("min_val") @JsonbNillable Double minVal,
        Double q1,
        Double median,
        Double q3,
        @JsonbProperty("max_val") @JsonbNillable Double maxVal,
        Double mean,
        String unit) {

    static AggregationJson from(DailyAggregation aggregation, String unit) {
        Statistics s = aggregation.statistics();
        String date = aggregation.date().toString();
        return s == null ? new AggregationJson(date, 0, null, null, null, null, null, null, unit)
                : new AggregationJson(date, aggregation.count(), s.min(), s.q1(), s.median(), s.q3(), s.max(),
                        s.mean(), unit);
    }
}
