package sensorhub.web.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.problems.control.RejectedException.Field;

class PercentEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"%", "%Z", "%ZZ", "a%", "a%2", "%2G", "%C3%28", "%C3", "%FF", "%C0%AF", "%ED%A0%80",
        "%%41", "%Ù8"})
    void findsEscapesThatAreMalformedOrNotUtf8(String text) {
        assertEquals(true, PercentEncoding.malformation(text) != null, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "%25", "%2B10000-01-01T00:00:00Z", "%C3%A9", "%F0%9F%8C%A1", "a+b", "%2f%2F",
        "2026-01-01T00:00:00Z"})
    void passesValidEscapes(String text) {
        assertNull(PercentEncoding.malformation(text), text);
    }

    @Test
    void namesTheParameterWhoseValueIsMalformed() {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> PercentEncoding.check("/api/sensors", "limit=10&location=%ZZ&type=%C3%28"));

        assertEquals(List.of("location"), refused.fields().stream().map(Field::name).toList());
        assertEquals("path", assertThrows(InvalidParameterException.class,
                () -> PercentEncoding.check("/api/sensors/%ZZ", null)).fields().get(0).name());
        assertEquals("query", assertThrows(InvalidParameterException.class,
                () -> PercentEncoding.check("/api/sensors", "a%ZZ=1")).fields().get(0).name());
        assertEquals("t e", assertThrows(InvalidParameterException.class,
                () -> PercentEncoding.check("/api/sensors", "t+e=%C3%28")).fields().get(0).name());
        assertDoesNotThrow(() -> PercentEncoding.check("/api/sensors/caf%C3%A9", "location=%25&to=%2B1"));
    }
}
