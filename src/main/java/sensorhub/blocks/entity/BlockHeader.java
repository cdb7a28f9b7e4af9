package sensorhub.blocks.entity;

import sensorhub.numbers.control.ExactSum;

/**
 * What a block's row says of its readings without decoding them, all a coarse series bucket needs: its span
 * {@code [startMicros, endMicros)}, count, first and last reading, extremes and exact sum.
 */
public record BlockHeader(long startMicros, long endMicros, int count, long firstMicros, long lastMicros, double firstValue,
        double lastValue, double min, double max, ExactSum sum) {
}
