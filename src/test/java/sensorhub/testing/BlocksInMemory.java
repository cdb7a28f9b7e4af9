package sensorhub.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import sensorhub.blocks.control.BlockVisitor;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.numbers.control.ExactSum;
import sensorhub.statistics.control.RankSelection;

/**
 * Readings cut into blocks of random sizes (one reading a microsecond where no times are given), passed over as
 * {@link sensorhub.blocks.control.BlockScan} passes over a range: blocks wholly inside offered by their headers,
 * the others' readings of the range handed on. Counts the blocks decoded.
 */
public final class BlocksInMemory implements RankSelection.Values {

    private final long[] micros;
    private final double[] values;
    private final List<int[]> blocks = new ArrayList<>();
    private final int from;
    private final int to;
    /** Blocks decoded by each pass so far. */
    public final List<Integer> decoded = new ArrayList<>();

    /** The readings {@code [from, to)} of the values, at their indices as microseconds. */
    public BlocksInMemory(double[] values, int from, int to, int maxBlock, long seed) {
        this(indices(values.length), values, from, to, maxBlock, seed);
    }

    /** The readings {@code [from, to)} (indices) of the given times and values. */
    public BlocksInMemory(long[] micros, double[] values, int from, int to, int maxBlock, long seed) {
        this.micros = micros;
        this.values = values;
        this.from = from;
        this.to = to;
        Random random = new Random(seed);
        for (int start = 0; start < values.length; ) {
            int end = Math.min(values.length, start + 1 + random.nextInt(maxBlock));
            if (end > from && start < to) {
                blocks.add(new int[] {start, end});
            }
            start = end;
        }
    }

    @Override
    public void pass(BlockVisitor visitor) {
        decoded.add(0);
        for (int[] block : blocks) {
            BlockHeader header = header(block[0], block[1]);
            if (block[0] >= from && block[1] <= to && visitor.byHeader(header)) {
                visitor.header(header);
            } else {
                decoded.set(decoded.size() - 1, decoded.get(decoded.size() - 1) + 1);
                visitor.readings(micros, values, Math.max(from, block[0]), Math.min(to, block[1]));
            }
        }
    }

    private static long[] indices(int count) {
        long[] micros = new long[count];
        Arrays.setAll(micros, i -> i);
        return micros;
    }

    public int blocks() {
        return blocks.size();
    }

    private BlockHeader header(int start, int end) {
        double min = values[start];
        double max = values[start];
        ExactSum sum = new ExactSum();
        for (int i = start; i < end; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
            sum.add(values[i]);
        }
        return new BlockHeader(micros[start], micros[end - 1] + 1, end - start, micros[start], micros[end - 1],
                values[start], values[end - 1], min, max, sum);
    }
}
