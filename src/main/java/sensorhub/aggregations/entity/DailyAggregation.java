package sensorhub.aggregations.entity;

import java.time.LocalDate;
import sensorhub.numbers.entity.Statistics;

/** The statistics of one sensor's readings on one day; {@code statistics} is null for a day without readings. */
public record DailyAggregation(LocalDate date, long count, Statistics statistics) {

    public static DailyAggregation empty(LocalDate date) {
        return new DailyAggregation(date, 0, null);
    }
}
