package sensorhub.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.problems.control.InvalidParameterException;

class SensorFilterTest {

    @Test
    void splitsEachTagAtItsFirstColon() {
        assertEquals(List.of(new SensorFilter.Tag("building", "B7"), new SensorFilter.Tag("url", "http://gw:80/x")),
                SensorFilter.tags(List.of("building:B7", "url:http://gw:80/x")));
        assertEquals(List.of(), SensorFilter.tags(null));
    }

    @Test
    void takesAtMostAsManyTagsAsASensorMayHave() {
        assertEquals(32, SensorFilter.tags(Collections.nCopies(32, "a:b")).size());
        assertEquals("tag", assertThrows(InvalidParameterException.class,
                () -> SensorFilter.tags(Collections.nCopies(33, "a:b"))).fields().get(0).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"building", ":B7", "building:", ":", "", "building:B7 ", " building:B7", "a\tb:c"})
    void refusesATagThatIsNotKeyColonValueNamingTheParameter(String tag) {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> SensorFilter.tags(List.of("a:b", tag)));

        assertEquals("tag", refused.fields().get(0).name());
    }
}
