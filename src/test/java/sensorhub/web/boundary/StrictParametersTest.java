package sensorhub.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.problems.control.RejectedException;

class StrictParametersTest {

    private final StrictParameters provider = new StrictParameters();

    /** The annotations of a parameter {@code @QueryParam(name)}. */
    static Annotation[] query(String name) {
        return new Annotation[] {new QueryParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }
        }};
    }

    static Annotation[] path(String name) {
        return new Annotation[] {new PathParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PathParam.class;
            }
        }};
    }

    private <T> ParamConverter<T> converter(Class<T> type, Annotation[] annotations) {
        return provider.getConverter(type, type, annotations);
    }

    @Test
    void readsExactlyTrueAndFalse() {
        ParamConverter<Boolean> active = converter(Boolean.class, query("active"));

        assertEquals(Boolean.TRUE, active.fromString("true"));
        assertEquals(Boolean.FALSE, active.fromString("false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "TRUE", "False", "1", "", " true"})
    void refusesOtherTruthValuesNamingTheParameter(String text) {
        var refused = assertThrows(InvalidParameterException.class,
                () -> converter(Boolean.class, query("active")).fromString(text));

        assertEquals(RejectedException.Reason.INVALID, refused.reason());
        assertEquals(List.of(new RejectedException.Field("active", "must be true or false")), refused.fields());
        assertEquals("The parameter 'active' must be true or false.", refused.getMessage());
    }

    @Test
    void readsWholeNumbers() {
        assertEquals(100, converter(Integer.class, query("limit")).fromString("100"));
        assertEquals(-3, converter(Integer.class, query("limit")).fromString("-3"));
        assertEquals(9_000_000_000L, converter(Long.class, path("id")).fromString("9000000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1e3", "+5", "1.0", "", " 1", "\u0661\u0660", "0x10"})
    void refusesTextThatIsNoWholeNumber(String text) {
        var refused = assertThrows(InvalidParameterException.class,
                () -> converter(Integer.class, query("limit")).fromString(text));

        assertEquals(List.of(new RejectedException.Field("limit", "must be a whole number")), refused.fields());
    }

    @Test
    void refusesWholeNumbersBeyondTheTypeNamingTheParameter() {
        var refused = assertThrows(InvalidParameterException.class,
                () -> converter(Integer.class, query("limit")).fromString("99999999999999999999"));

        assertEquals("limit", refused.fields().get(0).name());
        assertThrows(InvalidParameterException.class,
                () -> converter(Long.class, path("id")).fromString("9223372036854775808"));
    }

    @Test
    void leavesAnAbsentParameterAbsentForItsDefault() {
        assertNull(converter(Integer.class, query("limit")).fromString(null));
        assertNull(converter(Boolean.class, query("active")).fromString(null));
    }

    @Test
    void convertsNoOtherType() {
        assertNull(converter(String.class, query("location")));
        assertNull(converter(int.class, query("limit")));
    }
}
