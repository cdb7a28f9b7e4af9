package sensorhub.sensors.boundary;

import jakarta.ws.rs.ext.Provider;
import sensorhub.sensors.control.SensorCursor;
import sensorhub.web.boundary.CursorConverter;

/** The sensor list's {@code after} parameter, read as a {@link SensorCursor}. */
@Provider
public class SensorCursorConverter extends CursorConverter<SensorCursor> {

    public SensorCursorConverter() {
        super(SensorCursor.class, SensorCursor::decode, SensorCursor::encode);
    }
}
