package sensorhub.sensors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SensorRowsTest {

    @Test
    void padsAnIdListToTheShortestLengthThatHoldsIt() {
        assertEquals(1, SensorRows.paddedLength(1));
        assertEquals(4, SensorRows.paddedLength(2));
        assertEquals(4, SensorRows.paddedLength(4));
        assertEquals(16, SensorRows.paddedLength(10));
        assertEquals(256, SensorRows.paddedLength(256));
        assertEquals(SensorRows.IDS_PER_QUERY, SensorRows.paddedLength(257));
        assertEquals(SensorRows.IDS_PER_QUERY, SensorRows.paddedLength(SensorRows.IDS_PER_QUERY));
    }

    @Test
    void makesAHandfulOfStatementsForAnyNumberOfIds() {
        assertEquals(6, IntStream.rangeClosed(1, SensorRows.IDS_PER_QUERY).map(SensorRows::paddedLength).distinct().count());
    }
}
