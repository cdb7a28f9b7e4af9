package sensorhub.aggregations.entity;

import java.time.LocalDate;
import sensorhub.aggregations.control.Summary;

/** The statistics of one sensor's readings on one day; {@code summary} is null for a day without readings. */
public record DailyAggregate(LocalDate date, long count, Summary summary) {

    public static DailyAggregate of(LocalDate date, double[] values) {
        return values.length == 0 ? new DailyAggregate(date, 0, null)
                : new DailyAggregate(date, values.length, Summary.of(values));
    }
}
