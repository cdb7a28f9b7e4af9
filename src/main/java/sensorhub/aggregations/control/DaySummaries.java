package sensorhub.aggregations.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sensorhub.aggregations.entity.DailyAggregation;
import sensorhub.blocks.control.BlockVisitor;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.numbers.control.Summary;
import sensorhub.time.control.DayWindow;

/**
 * The statistics of some days, in time order and not necessarily adjacent, from one pass over the span from the
 * first to the last: blocks that touch none of the days are passed by their headers, so neither fetched nor
 * decoded, and one day's values are held at a time.
 */
public final class DaySummaries implements BlockVisitor {

    private final List<DayWindow> days;
    private final List<DailyAggregation> summaries;
    private double[] values = new double[4096];
    private int size;
    private int current;

    public DaySummaries(List<DayWindow> days) {
        this.days = days;
        this.summaries = new ArrayList<>(days.size());
    }

    @Override
    public boolean byHeader(BlockHeader block) {
        for (int i = current; i < days.size() && days.get(i).startMicros() <= block.lastMicros(); i++) {
            if (days.get(i).endMicros() > block.firstMicros()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void header(BlockHeader block) {
        // no reading of it falls on one of the days
    }

    @Override
    public void readings(long[] micros, double[] blockValues, int from, int to) {
        for (int i = from; i < to; i++) {
            while (current < days.size() && micros[i] >= days.get(current).endMicros()) {
                close();
            }
            if (current < days.size() && micros[i] >= days.get(current).startMicros()) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, 2 * size);
                }
                values[size++] = blockValues[i];
            }
        }
    }

    private void close() {
        LocalDate day = days.get(current).day();
        summaries.add(size == 0 ? DailyAggregation.empty(day)
                : new DailyAggregation(day, size, Summary.of(Arrays.copyOf(values, size))));
        size = 0;
        current++;
    }

    /** Each day's statistics, in the order of the days; call once, after the pass. */
    public List<DailyAggregation> summaries() {
        while (current < days.size()) {
            close();
        }
        return summaries;
    }
}
