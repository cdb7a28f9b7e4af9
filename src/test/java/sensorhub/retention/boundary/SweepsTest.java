package sensorhub.retention.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.blocks.control.BlockCell;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.numbers.control.ExactSum;

class SweepsTest {

    @Test
    void aStepOfDenseReadingsEndsOnceADayAt1HzIsTaken() {
        List<BlockHeader> hours = hours(Collections.nCopies(Sweeps.BLOCKS_PER_STEP + 1, 3600));

        assertEquals(24, Sweeps.firstLeft(hours));
    }

    @Test
    void aStepOfSparseReadingsTakesItsMostBlocks() {
        assertEquals(Sweeps.BLOCKS_PER_STEP,
                Sweeps.firstLeft(hours(Collections.nCopies(Sweeps.BLOCKS_PER_STEP + 1, 6))));
        assertEquals(7, Sweeps.firstLeft(hours(Collections.nCopies(7, 6))));
    }

    @Test
    void aStepTakesAtLeastOneBlockHoweverFull() {
        assertEquals(1, Sweeps.firstLeft(hours(List.of(BlockCell.MAX_READINGS * 30, 1))));
        assertEquals(2, Sweeps.firstLeft(hours(List.of(1000, Sweeps.READINGS_PER_STEP, 5))));
    }

    /** One block an hour with the given number of readings. */
    private static List<BlockHeader> hours(List<Integer> counts) {
        List<BlockHeader> headers = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long start = i * BlockCell.HOUR_MICROS;
            headers.add(new BlockHeader(start, start + BlockCell.HOUR_MICROS, counts.get(i), start, start + 1, 1.0,
                    1.0, 1.0, 1.0, new ExactSum()));
        }
        return headers;
    }
}
