package sensorhub.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.numbers.control.ExactSum;

class HourRollupsTest {

    private static final long HOUR = 3_600_000_000L;

    @Test
    void mergesTheBlocksOfEachHourIntoOneHeader() {
        List<BlockHeader> rollups = HourRollups.of(List.of(block(10, 20, 3, 5.0, -0.0, 1e16, 2),
                block(HOUR / 2, HOUR / 2 + 9, 2, -1.0, 4.0, 1, -1e16), block(HOUR + 5, HOUR + 5, 1, 7, 7, 7, 7)));

        assertEquals(2, rollups.size());
        BlockHeader first = rollups.get(0);
        assertEquals(0, first.startMicros());
        assertEquals(HOUR, first.endMicros());
        assertEquals(5, first.count());
        assertEquals(10, first.firstMicros());
        assertEquals(HOUR / 2 + 9, first.lastMicros());
        assertEquals(5.0, first.firstValue());
        assertEquals(4.0, first.lastValue());
        assertEquals(-1e16, first.min());
        assertEquals(1e16, first.max());
        assertEquals(3.0, first.sum().doubleValue(), "1e16 + 2 + 1 - 1e16, exactly");
        assertEquals(HOUR, rollups.get(1).startMicros());
        assertEquals(1, rollups.get(1).count());
    }

    private static BlockHeader block(long first, long last, int count, double firstValue, double lastValue,
            double a, double b) {
        ExactSum sum = new ExactSum();
        sum.add(a);
        sum.add(b);
        return new BlockHeader(first, last + 1, count, first, last, firstValue, lastValue,
                Math.min(Math.min(a, b), Math.min(firstValue, lastValue)),
                Math.max(Math.max(a, b), Math.max(firstValue, lastValue)), sum);
    }
}
