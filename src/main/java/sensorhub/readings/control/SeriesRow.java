package sensorhub.readings.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One bucket of a series as answered: its span in epoch microseconds, its count, and its figures: min, max, mean,
 * first and last (at the indices named below), then the percentiles asked for, in their order. A figure is null
 * where a bucket without readings was filled with nothing.
 */
public record SeriesRow(long startMicros, long endMicros, long count, List<Double> figures) {

    public static final int MIN = 0;
    public static final int MAX = 1;
    public static final int MEAN = 2;
    public static final int FIRST = 3;
    public static final int LAST = 4;
    /** The index of the first percentile. */
    public static final int PERCENTILES = 5;

    /** A bucket with readings, the percentiles in the order asked. */
    public static SeriesRow of(long startMicros, long endMicros, long count, double min, double max, double mean,
            double first, double last, Map<String, Double> percentiles) {
        List<Double> figures = new ArrayList<>(List.of(min, max, mean, first, last));
        figures.addAll(percentiles.values());
        return new SeriesRow(startMicros, endMicros, count, Collections.unmodifiableList(figures));
    }

    /** A bucket without readings, its figures filled as given (nulls allowed). */
    static SeriesRow empty(long startMicros, long endMicros, List<Double> figures) {
        return new SeriesRow(startMicros, endMicros, 0, Collections.unmodifiableList(new ArrayList<>(figures)));
    }
}
