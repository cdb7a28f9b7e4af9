package sensorhub.readings.boundary;


/** A sensor's values of one day in time order, with their unit: the original service's answer. */
public record DayValuesJson(double[] values, String unit) {
}
