package sensorhub.sensors.boundary;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import sensorhub.problems.boundary.InvalidParameterException;
import sensorhub.sensors.control.SensorCursor;
import sensorhub.web.boundary.StrictParameters;

/**
 * Reads the sensor list's {@code after} parameter as a {@link SensorCursor}, so that the resource takes the
 * cursor itself; text that is not a cursor this service made is a 400 naming the parameter.
 */
@Provider
public class SensorCursorConverter implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == SensorCursor.class ? (ParamConverter<T>) new Converter(StrictParameters.nameOf(annotations))
                : null;
    }

    private record Converter(String parameter) implements ParamConverter<SensorCursor> {

        @Override
        public SensorCursor fromString(String text) {
            if (text == null) {
                return null;
            }
            try {
                return SensorCursor.decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(parameter, "is not a cursor this service made");
            }
        }

        @Override
        public String toString(SensorCursor cursor) {
            return cursor == null ? null : cursor.encode();
        }
    }
}
