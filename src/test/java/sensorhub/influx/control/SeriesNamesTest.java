package sensorhub.influx.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sensorhub.influx.control.LineProtocol.Series;
import sensorhub.influx.control.SeriesNames.Description;

class SeriesNamesTest {

    private static Series series(String measurement, Map<String, String> tags) {
        return new Series(measurement, new TreeMap<>(tags));
    }

    @Test
    void aSensorIdTagNamesTheSensor() {
        Series s = series("temperature", Map.of("sensor_id", "greenhouse-1", "floor", "2"));

        assertEquals("greenhouse-1", SeriesNames.sensorId("db", s, "value"));
        assertEquals("greenhouse-1.humidity", SeriesNames.sensorId("db", s, "humidity"));
    }

    @Test
    void otherwiseTheDatabaseMeasurementTagValuesInKeyOrderAndField() {
        Series s = series("cpu", Map.of("host", "h1", "cpu", "cpu-total"));

        assertEquals("telegraf.cpu.cpu-total.h1.usage_idle", SeriesNames.sensorId("telegraf", s, "usage_idle"));
        assertEquals("home.°C.sensor.living_temp.value", SeriesNames.sensorId("home",
                series("°C", Map.of("domain", "sensor", "entity_id", "living_temp")), "value"));
    }

    @Test
    void anIdThatWouldBreakTheIdRuleIsAHashOfIt() {
        String spaced = SeriesNames.sensorId("db", series("my weather", Map.of()), "t");
        String slashed = SeriesNames.sensorId("db", series("a/b", Map.of()), "t");
        String longOne = SeriesNames.sensorId("db", series("m".repeat(100), Map.of()), "t");

        assertTrue(spaced.matches("lp-[0-9a-f]{24}"), spaced);
        assertTrue(slashed.matches("lp-[0-9a-f]{24}"), slashed);
        assertTrue(longOne.matches("lp-[0-9a-f]{24}"), longOne);
        assertEquals(spaced, SeriesNames.sensorId("db", series("my weather", Map.of()), "t"));
        assertNotEquals(spaced, SeriesNames.sensorId("other", series("my weather", Map.of()), "t"));
    }

    @Test
    void describesANewSensorFromItsSeries() {
        Description d = SeriesNames.describe(series("°C", Map.of("entity_id", "living", "sensor_id", "x",
                "location", "living room")), "value");

        assertEquals("°C,entity_id=living,location=living room,sensor_id=x value", d.name());
        assertEquals("°C", d.type());
        assertEquals("°C", d.unit());
        assertEquals("living room", d.location());
        assertEquals(Map.of("entity_id", "living", "location", "living room"), d.tags());
        assertEquals("hPa", SeriesNames.describe(series("weather", Map.of("unit", "hPa")), "pressure").unit());
    }

    @Test
    void cutsLongTextsNeverInsideASurrogatePair() {
        assertEquals("ab", SeriesNames.cut("abc", 2));
        assertEquals("a", SeriesNames.cut("a\uD83D\uDE00", 2));
    }
}
