package sensorhub.retention.control;

import java.util.ArrayList;
import java.util.List;
import sensorhub.blocks.control.BlockCell;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.numbers.control.ExactSum;

/**
 * The hourly rollups of blocks about to be removed: the headers of each UTC hour's blocks merged into one, which
 * has the shape of a block header (span, count, first and last, extremes, exact sum), so that a series takes a
 * rollup as it takes a header.
 */
public final class HourRollups {

    private HourRollups() {
    }

    /** @param headers in time order; a block lies within one UTC hour */
    public static List<BlockHeader> of(List<BlockHeader> headers) {
        List<BlockHeader> rollups = new ArrayList<>();
        BlockHeader hour = null;
        for (BlockHeader block : headers) {
            long start = BlockCell.hourOf(block.firstMicros());
            if (hour != null && hour.startMicros() == start) {
                hour = merged(hour, block);
            } else {
                if (hour != null) {
                    rollups.add(hour);
                }
                ExactSum sum = new ExactSum();
                sum.add(block.sum());
                hour = new BlockHeader(start, start + BlockCell.HOUR_MICROS, block.count(), block.firstMicros(),
                        block.lastMicros(), block.firstValue(), block.lastValue(), block.min(), block.max(), sum);
            }
        }
        if (hour != null) {
            rollups.add(hour);
        }
        return rollups;
    }

    private static BlockHeader merged(BlockHeader hour, BlockHeader later) {
        hour.sum().add(later.sum());
        return new BlockHeader(hour.startMicros(), hour.endMicros(), hour.count() + later.count(), hour.firstMicros(),
                later.lastMicros(), hour.firstValue(), later.lastValue(), Math.min(hour.min(), later.min()),
                Math.max(hour.max(), later.max()), hour.sum());
    }
}
