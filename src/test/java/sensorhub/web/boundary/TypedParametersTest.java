package sensorhub.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.problems.control.RejectedException;
import sensorhub.time.control.Bucket;

class TypedParametersTest {

    private final TypedParameters provider = new TypedParameters();

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
    void readsInstantsWithOrWithoutAnOffsetToTheMicrosecond() {
        ParamConverter<Instant> from = converter(Instant.class, query("from"));

        assertEquals(Instant.parse("2026-11-28T08:30:00Z"), from.fromString("2026-11-28T09:30:00+01:00"));
        assertEquals(Instant.parse("2026-11-28T09:30:00.123456Z"), from.fromString("2026-11-28T09:30:00.1234567"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-28", "2026-13-01T00:00:00Z", "10000-01-01T00:00:00Z", ""})
    void refusesTextThatIsNoInstantNamingTheParameter(String text) {
        var refused = assertThrows(InvalidParameterException.class,
                () -> converter(Instant.class, query("to")).fromString(text));

        assertEquals(List.of(new RejectedException.Field("to",
                "must be an ISO-8601 timestamp such as 2026-11-28T09:30:00Z")), refused.fields());
    }

    @Test
    void readsDatesOfTheYears1To9999() {
        assertEquals(LocalDate.of(2026, 2, 28), converter(LocalDate.class, path("date")).fromString("2026-02-28"));
        assertEquals(LocalDate.of(1, 1, 1), converter(LocalDate.class, path("date")).fromString("0001-01-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "28.02.2026", "+10000-01-01", "0000-12-31", "2026-02-30"})
    void refusesTextThatIsNoDateNamingTheParameter(String text) {
        var refused = assertThrows(InvalidParameterException.class,
                () -> converter(LocalDate.class, query("from")).fromString(text));

        assertEquals(List.of(new RejectedException.Field("from", "must be a date of the form YYYY-MM-DD")),
                refused.fields());
    }

    @Test
    void readsIanaZonesAndRefusesOthersNamingTheParameter() {
        assertEquals(ZoneId.of("Europe/Berlin"), converter(ZoneId.class, query("zone")).fromString("Europe/Berlin"));
        var refused = assertThrows(InvalidParameterException.class,
                () -> converter(ZoneId.class, query("zone")).fromString("Mars/Base"));

        assertEquals("zone", refused.fields().get(0).name());
    }

    @Test
    void readsTheBucketsOfTheLadderByTheirExactNames() {
        assertEquals(Bucket.PT15M, converter(Bucket.class, query("bucket")).fromString("PT15M"));
        var refused = assertThrows(InvalidParameterException.class,
                () -> converter(Bucket.class, query("bucket")).fromString("pt15m"));

        assertEquals(List.of(new RejectedException.Field("bucket",
                "must be one of PT1S, PT10S, PT1M, PT5M, PT15M, PT1H, PT6H, P1D, P7D, P1M")), refused.fields());
    }

    @Test
    void readsTheCursorItWritesAndRefusesAForgedOne() {
        ParamConverter<Cursor> after = converter(Cursor.class, query("after"));
        Cursor cursor = new Cursor(1_767_323_045_000_001L, "kitchen-1");

        assertEquals(cursor, after.fromString(after.toString(cursor)));
        var refused = assertThrows(InvalidParameterException.class, () -> after.fromString("not-a-cursor"));
        assertEquals(List.of(new RejectedException.Field("after", "is not a cursor this service made")),
                refused.fields());
    }

    @Test
    void convertsNoOtherType() {
        assertNull(converter(String.class, query("location")));
        assertNull(converter(int.class, query("limit")));
    }
}
