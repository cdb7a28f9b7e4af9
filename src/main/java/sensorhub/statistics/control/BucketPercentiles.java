package sensorhub.statistics.control;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.numbers.arrays.Selection;
import sensorhub.blocks.control.BlockScan;
import sensorhub.blocks.control.BlockVisitor;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.blocks.entity.SeriesPoint;
import sensorhub.numbers.control.QuantilePosition;
import sensorhub.statistics.control.Percentiles.Percentile;

/**
 * numpy's percentiles of each bucket of a series. One pass over the range gathers a bucket's values at a time and
 * selects from them when the bucket ends, so the heap holds one bucket's values (a month at 1 Hz is 2.6 million,
 * 21 MB); a bucket of more than {@link RankSelection#GATHERED} readings is left to {@link RankSelection} over its
 * own span instead.
 */
public final class BucketPercentiles implements BlockVisitor {

    private final List<SeriesPoint> points;
    private final List<Percentile> asked;
    private final List<Map<String, Double>> found = new ArrayList<>();
    private double[] gathered = new double[1024];
    private int size;
    private int current;

    private BucketPercentiles(List<SeriesPoint> points, List<Percentile> asked) {
        this.points = points;
        this.asked = asked;
    }

    /** The percentiles of each point (a bucket with readings) of the scan's range, by point. */
    public static List<Map<String, Double>> of(BlockScan scan, List<SeriesPoint> points, List<Percentile> asked)
            throws SQLException {
        BucketPercentiles buckets = new BucketPercentiles(points, asked);
        scan.pass(buckets);
        buckets.closeUntil(points.size());
        for (int i = 0; i < points.size(); i++) {
            SeriesPoint point = points.get(i);
            if (buckets.found.get(i) == null) {
                BlockScan span = scan.within(point.startMicros(), point.endMicros());
                buckets.found.set(i, RangeFigures.of(span::pass, asked).percentiles());
            }
        }
        return buckets.found;
    }

    @Override
    public boolean byHeader(BlockHeader block) {
        return false;
    }

    @Override
    public void header(BlockHeader block) {
        throw new IllegalStateException("Percentiles need the readings themselves");
    }

    @Override
    public void readings(long[] micros, double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (micros[i] >= points.get(current).endMicros()) {
                closeUntil(indexOf(micros[i]));
            }
            if (points.get(current).count() <= RankSelection.GATHERED) {
                if (size == gathered.length) {
                    gathered = Arrays.copyOf(gathered, 2 * size);
                }
                gathered[size++] = values[i];
            }
        }
    }

    private int indexOf(long micros) {
        int index = current;
        while (micros >= points.get(index).endMicros()) {
            index++;
        }
        return index;
    }

    /** Ends the buckets before {@code next}: the current one's percentiles from what it gathered. */
    private void closeUntil(int next) {
        while (current < next) {
            boolean gatheredHere = points.get(current).count() <= RankSelection.GATHERED;
            found.add(gatheredHere ? percentiles(gathered, size) : null);
            size = 0;
            current++;
        }
    }

    /** The percentiles of the first {@code size} values, reordered in place. */
    private Map<String, Double> percentiles(double[] values, int size) {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        QuantilePosition[] positions = asked.stream().map(p -> QuantilePosition.of(size, p.q()))
                .toArray(QuantilePosition[]::new);
        int[] ranks = Arrays.stream(positions).flatMapToInt(p -> IntStream.of((int) p.lower(), (int) p.upper()))
                .distinct().sorted().toArray();
        Selection.select(values, 0, size, ranks);
        for (int i = 0; i < positions.length; i++) {
            percentiles.put(asked.get(i).name(), positions[i].between(values[(int) positions[i].lower()],
                    values[(int) positions[i].upper()]));
        }
        return percentiles;
    }
}
