package sensorhub.readings.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sensor's values of one day in time order, with their unit: the original service's answer. */
@Schema(name = "DayValues")
public record DayValuesJson(double[] values, String unit) {
}
