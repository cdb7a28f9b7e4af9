package sensorhub.blocks.control;

import sensorhub.numbers.control.ExactSum;

/** What a block's row says of its readings without decoding them: all a coarse series bucket needs. */
public record BlockHeader(BlockCell cell, int count, long firstMicros, long lastMicros, double firstValue,
        double lastValue, double min, double max, ExactSum sum) {
}
