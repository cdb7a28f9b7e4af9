package sensorhub.readings.boundary;

import jakarta.ws.rs.ext.Provider;
import sensorhub.web.boundary.CursorConverter;

/** A range of readings' {@code after} parameter, read as a {@link ReadingCursor}. */
@Provider
public class ReadingCursorConverter extends CursorConverter<ReadingCursor> {

    public ReadingCursorConverter() {
        super(ReadingCursor.class, ReadingCursor::decode, ReadingCursor::encode);
    }
}
