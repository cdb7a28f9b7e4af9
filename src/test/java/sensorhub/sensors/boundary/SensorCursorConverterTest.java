package sensorhub.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.problems.control.RejectedException;
import sensorhub.sensors.control.SensorCursor;

class SensorCursorConverterTest {

    private final ParamConverter<SensorCursor> after = new SensorCursorConverter().getConverter(SensorCursor.class,
            SensorCursor.class, new Annotation[] {new QueryParam() {
                @Override
                public String value() {
                    return "after";
                }

                @Override
                public Class<? extends Annotation> annotationType() {
                    return QueryParam.class;
                }
            }});

    @Test
    void readsTheCursorItWrites() {
        SensorCursor cursor = new SensorCursor(1_767_323_045_000_001L, "kitchen-1");

        assertEquals(cursor, after.fromString(after.toString(cursor)));
        assertNull(after.fromString(null), "no cursor: the first page");
    }

    @Test
    void refusesAForgedCursorNamingTheParameter() {
        var refused = assertThrows(InvalidParameterException.class, () -> after.fromString("not-a-cursor"));

        assertEquals(RejectedException.Reason.INVALID, refused.reason());
        assertEquals(List.of(new RejectedException.Field("after", "is not a cursor this service made")),
                refused.fields());
    }

    @Test
    void convertsNoOtherType() {
        assertNull(new SensorCursorConverter().getConverter(String.class, String.class, new Annotation[0]));
    }
}
