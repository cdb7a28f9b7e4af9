package sensorhub.blocks.control;

import sensorhub.blocks.entity.BlockHeader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import sensorhub.blocks.entity.SeriesPoint;
import sensorhub.numbers.control.ExactSum;
import sensorhub.time.control.Bucket;

/**
 * Readings summed up into the buckets of a series, fed in time order: single readings, or whole blocks by their
 * headers where a block lies in one bucket. Means are exact ({@link ExactSum}), so a block read by its header
 * counts exactly as its readings would.
 */
public final class SeriesPoints implements BlockVisitor {

    private final Bucket bucket;
    private final ZoneId zone;
    private final List<SeriesPoint> points = new ArrayList<>();
    private long[] span;
    private long count;
    private double min;
    private double max;
    private double first;
    private double last;
    private ExactSum sum;

    public SeriesPoints(Bucket bucket, ZoneId zone) {
        this.bucket = bucket;
        this.zone = zone;
    }

    /** Whether the block's readings all fall into one bucket, so that its header can stand for them. */
    @Override
    public boolean byHeader(BlockHeader block) {
        long[] of = span != null && span[0] <= block.firstMicros() && block.firstMicros() < span[1] ? span
                : bucket.spanOf(block.firstMicros(), zone);
        return block.lastMicros() < of[1];
    }

    public void add(long micros, double value) {
        enter(micros);
        if (count == 0) {
            first = value;
        }
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum.add(value);
        last = value;
    }

    @Override
    public void readings(long[] micros, double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            add(micros[i], values[i]);
        }
    }

    /** Adds a block by its header; the block must lie in one bucket ({@link #byHeader}). */
    @Override
    public void header(BlockHeader block) {
        enter(block.firstMicros());
        if (count == 0) {
            first = block.firstValue();
        }
        count += block.count();
        min = Math.min(min, block.min());
        max = Math.max(max, block.max());
        sum.add(block.sum());
        last = block.lastValue();
    }

    private void enter(long micros) {
        if (span != null && micros < span[1]) {
            return;
        }
        close();
        span = bucket.spanOf(micros, zone);
        count = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        sum = new ExactSum();
    }

    private void close() {
        if (span != null && count > 0) {
            points.add(new SeriesPoint(span[0], span[1], count, min, max, sum.mean(count), first, last));
        }
    }

    /** The buckets that hold readings, in time order; call once, after the last reading. */
    public List<SeriesPoint> points() {
        close();
        span = null;
        return points;
    }
}
