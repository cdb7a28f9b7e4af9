package sensorhub.blocks.control;

import sensorhub.numbers.control.ExactSum;

/**
 * One row of {@code reading_blocks} as written: the cell, the encoded readings, and the header that series and
 * range statistics read instead of the readings. An anchor may be empty (count 0, no readings, null header).
 */
public record BlockRow(BlockCell cell, int count, long firstMicros, long lastMicros, double firstValue,
        double lastValue, double min, double max, byte[] sum, byte[] readings) {

    /** The row of readings {@code [from, to)} of the sorted arrays, which all lie in the cell. */
    public static BlockRow of(BlockCell cell, long[] micros, double[] values, int from, int to) {
        if (from == to) {
            return new BlockRow(cell, 0, 0, 0, 0, 0, 0, 0, null, null);
        }
        double min = values[from];
        double max = values[from];
        ExactSum sum = new ExactSum();
        for (int i = from; i < to; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
            sum.add(values[i]);
        }
        return new BlockRow(cell, to - from, micros[from], micros[to - 1], values[from], values[to - 1], min, max,
                sum.toBytes(), BlockCodec.encode(micros, values, from, to));
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
