package sensorhub.readings.boundary;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sensor's values of one day in time order, with their unit: the original service's answer. */
@Schema(name = "DayValues")
public record DayValuesJson(@Schema(type = SchemaType.ARRAY, implementation = Double.class) double[] values,
        String unit) {
}
