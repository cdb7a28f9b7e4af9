package sensorhub.blocks.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sensorhub.testing.PropertyCheck.forSeeds;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import sensorhub.database.control.BlockFormatV1;

/**
 * The blocks that migration V5 writes with its frozen copy of block format version 1 ({@link BlockFormatV1}) are the
 * blocks the live store writes for the same hour, byte for byte and header for header, so the live codec reads them.
 * Once the live codec writes another version, the byte comparison goes and the reading stays.
 */
class FrozenBlockFormatTest {

    static final long HOUR = 1_767_225_600_000_000L;

    record Hour(BlockCodecPropertiesTest.Values kind, int size, long seed) {
    }

    @Test
    void writesAnHourAsTheLiveStoreDoes() {
        forSeeds(1_500, 1, inputs -> new Hour(inputs.pick(BlockCodecPropertiesTest.Values.class),
                inputs.pick(1, 2, 3, 129, 3600, 4096, 4097, 9000, 13_000), inputs.anyLong()), hour -> {
                    Random random = new Random(hour.seed());
                    long[] micros = LongStream.concat(LongStream.of(random.nextLong(1_000_000)), random.longs(
                            hour.size() - 1, 0, BlockCell.HOUR_MICROS)).map(m -> HOUR + m).sorted().distinct()
                            .toArray();
                    double[] values = Arrays.stream(hour.kind().generate(random, micros.length))
                            .map(v -> Double.isFinite(v) ? v : -0.0).toArray();

                    List<BlockFormatV1.Row> frozen = BlockFormatV1.hour(micros, values, micros.length);
                    List<BlockCell.Part> live = BlockCell.hour(micros[0]).split(micros, 0, micros.length);

                    assertEquals(live.size(), frozen.size());
                    for (int i = 0; i < live.size(); i++) {
                        BlockCell.Part part = live.get(i);
                        BlockRow row = BlockRow.of(part.cell(), micros, values, part.from(), part.to());
                        BlockFormatV1.Row written = frozen.get(i);
                        assertEquals(List.of(row.cell().start(), row.cell().end(), (long) row.count()),
                                List.of(written.start(), written.end(), (long) written.count()));
                        if (row.count() > 0) {
                            assertEquals(List.of(row.firstMicros(), row.lastMicros(), row.firstValue(),
                                    row.lastValue(), row.min(), row.max()), List.of(written.firstMicros(),
                                    written.lastMicros(), written.firstValue(), written.lastValue(), written.min(),
                                    written.max()));
                            assertArrayEquals(row.sum(), written.sum(), "the exact sum");
                            assertArrayEquals(row.readings(), written.readings(), "the encoded readings");
                        }
                    }
                });
    }
}
