package sensorhub.blocks.entity;

/** One bucket of a series: its span in epoch microseconds, and the figures of the readings in it. */
public record SeriesPoint(long startMicros, long endMicros, long count, double min, double max, double mean,
        double first, double last) {
}
