package sensorhub.numbers.entity;

/** Descriptive statistics of a non-empty series of readings: extremes, numpy's quartiles, and the exact mean. */
public record Statistics(double min, double q1, double median, double q3, double max, double mean) {
}
