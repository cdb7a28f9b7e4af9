package sensorhub.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SensorsTest {

    @Test
    void padsAnIdListToTheShortestLengthThatHoldsIt() {
        assertEquals(1, Sensors.paddedLength(1));
        assertEquals(4, Sensors.paddedLength(2));
        assertEquals(4, Sensors.paddedLength(4));
        assertEquals(16, Sensors.paddedLength(10));
        assertEquals(256, Sensors.paddedLength(256));
        assertEquals(Sensors.IDS_PER_QUERY, Sensors.paddedLength(257));
        assertEquals(Sensors.IDS_PER_QUERY, Sensors.paddedLength(Sensors.IDS_PER_QUERY));
    }

    @Test
    void makesAHandfulOfStatementsForAnyNumberOfIds() {
        assertEquals(6, IntStream.rangeClosed(1, Sensors.IDS_PER_QUERY).map(Sensors::paddedLength).distinct().count());
    }
}
