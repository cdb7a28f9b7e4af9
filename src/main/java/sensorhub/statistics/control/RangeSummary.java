package sensorhub.statistics.control;

import sensorhub.blocks.control.BlockVisitor;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.numbers.control.ExactSum;

/**
 * Count, extremes and exact sum of a range, in one pass that decodes only the blocks cut by the range's ends:
 * every other block's header holds all of it.
 */
public final class RangeSummary implements BlockVisitor {

    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final ExactSum sum = new ExactSum();

    @Override
    public boolean byHeader(BlockHeader block) {
        return true;
    }

    @Override
    public void header(BlockHeader block) {
        count += block.count();
        min = Math.min(min, block.min());
        max = Math.max(max, block.max());
        sum.add(block.sum());
    }

    @Override
    public void readings(long[] micros, double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
            sum.add(values[i]);
        }
        count += to - from;
    }

    public long count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The exact mean, rounded once; the range must hold readings. */
    public double mean() {
        return sum.mean(count);
    }
}
