package sensorhub.statistics.control;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import sensorhub.numbers.control.QuantilePosition;
import sensorhub.statistics.control.Percentiles.Percentile;

/**
 * The statistics of a range's readings: count, extremes and exact mean from one pass that reads block headers
 * (see {@link RangeSummary}), then the percentiles' neighbouring values from {@link RankSelection}, interpolated
 * as numpy does. An empty range has count 0 and null statistics.
 *
 * @param percentiles by name as asked for, in that order
 */
public record RangeFigures(long count, Double min, Double max, Double mean, Map<String, Double> percentiles) {

    public static RangeFigures of(RankSelection.Values values, List<Percentile> asked) throws SQLException {
        return of(values, asked, RankSelection.GATHERED);
    }

    /** As {@link #of(RankSelection.Values, List)}, gathering at most {@code gathered} values a pass. */
    static RangeFigures of(RankSelection.Values values, List<Percentile> asked, int gathered) throws SQLException {
        RangeSummary summary = new RangeSummary();
        values.pass(summary);
        long count = summary.count();
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (count == 0) {
            asked.forEach(p -> percentiles.put(p.name(), null));
            return new RangeFigures(0, null, null, null, Collections.unmodifiableMap(percentiles));
        }
        TreeSet<Long> ranks = new TreeSet<>();
        for (Percentile p : asked) {
            QuantilePosition position = QuantilePosition.of(count, p.q());
            ranks.add(position.lower());
            ranks.add(position.upper());
        }
        Map<Long, Double> ranked = ranks.isEmpty() ? Map.of() : RankSelection.selectGathering(values, count,
                summary.min(), summary.max(), gathered, ranks.stream().mapToLong(Long::longValue).toArray());
        for (Percentile p : asked) {
            QuantilePosition position = QuantilePosition.of(count, p.q());
            percentiles.put(p.name(), position.between(ranked.get(position.lower()), ranked.get(position.upper())));
        }
        return new RangeFigures(count, summary.min(), summary.max(), summary.mean(),
                Collections.unmodifiableMap(percentiles));
    }
}
