package sensorhub.readings.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sensorhub.readings.control.SeriesRow;
import sensorhub.statistics.control.Percentiles.Percentile;
import sensorhub.time.boundary.IsoInstantAdapter;
import sensorhub.time.control.EpochMicros;

/**
 * One bucket of a series: its span, and the count, extremes, exact mean, first and last of its readings, and the
 * percentiles asked for (absent where none were). A bucket without readings, there only when filled, has count 0
 * and the figures its fill gave it, nulls included.
 */
@JsonbPropertyOrder({"start", "end", "count", "min", "max", "mean", "first", "last", "percentiles"})
public record SeriesPointJson(
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant start,
        @JsonbTypeAdapter(IsoInstantAdapter.class) Instant end,
        long count,
        @JsonbNillable Double min,
        @JsonbNillable Double max,
        @JsonbNillable Double mean,
        @JsonbNillable Double first,
        @JsonbNillable Double last,
        Map<String, Double> percentiles) {

    static SeriesPointJson from(SeriesRow row, List<Percentile> asked) {
        List<Double> figures = row.figures();
        Map<String, Double> percentiles = null;
        if (!asked.isEmpty()) {
            percentiles = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                percentiles.put(asked.get(i).name(), figures.get(SeriesRow.PERCENTILES + i));
            }
        }
        return new SeriesPointJson(EpochMicros.toInstant(row.startMicros()), EpochMicros.toInstant(row.endMicros()),
                row.count(), figures.get(SeriesRow.MIN), figures.get(SeriesRow.MAX), figures.get(SeriesRow.MEAN),
                figures.get(SeriesRow.FIRST), figures.get(SeriesRow.LAST), percentiles);
    }
}
