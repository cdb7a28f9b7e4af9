package sensorhub.statistics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.testing.BlocksInMemory;

/** Checks {@link RankSelection} against a sort, with the room to gather made small to force its counting passes. */
class RankSelectionTest {

    @ParameterizedTest(name = "gathering at most {0} a pass")
    @ValueSource(ints = {0, 1, 100, 1 << 22})
    void findsTheValuesASortPutsAtEachRank(int gathered) throws SQLException {
        Random random = new Random(gathered);
        double[] values = new double[30_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (random.nextInt(10)) {
                case 0 -> random.nextBoolean() ? -0.0 : 0.0;
                case 1 -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MIN_VALUE;
                case 2 -> random.nextInt(3);
                default -> random.nextGaussian() * 1e3;
            };
        }
        long[] ranks = LongStream.concat(LongStream.of(0, 1, values.length - 1),
                random.longs(40, 0, values.length)).distinct().sorted().toArray();

        assertSelected(values, ranks, gathered);
    }

    @Test
    void answersFromKeysAloneWhereEveryValueIsEqual() throws SQLException {
        double[] values = new double[10_000];
        Arrays.fill(values, 21.5);
        BlocksInMemory blocks = new BlocksInMemory(values, 0, values.length, 500, 1);

        Map<Long, Double> found = RankSelection.select(blocks, values.length, 21.5, 21.5, 0, 5_000, 9_999);

        assertEquals(Map.of(0L, 21.5, 5_000L, 21.5, 9_999L, 21.5), found);
        assertEquals(List.of(), blocks.decoded);
    }

    @Test
    void decodesOnlyTheBlocksThatMayHoldTheRankOnceNarrowed() throws SQLException {
        // a slow rise: each block's values lie close together, as a sensor's readings of an hour do
        double[] values = new double[200_000];
        Arrays.setAll(values, i -> 15 + i * 1e-4);
        BlocksInMemory blocks = new BlocksInMemory(values, 0, values.length, 3_600, 7);

        assertEquals(Map.of(100_000L, values[100_000]), RankSelection.selectGathering(blocks, values.length,
                values[0], values[values.length - 1], 1_000, 100_000));
        assertEquals(List.of(blocks.blocks(), 1), blocks.decoded);
    }

    @Test
    void refusesARankOutsideTheValues() {
        BlocksInMemory blocks = new BlocksInMemory(new double[] {1, 2}, 0, 2, 1, 1);

        assertThrows(IllegalArgumentException.class, () -> RankSelection.select(blocks, 2, 1, 2, 2));
    }

    @Test
    void failsRatherThanAnswerWhenAPassSeesOtherValues() {
        BlocksInMemory blocks = new BlocksInMemory(new double[] {1, 2, 3}, 0, 3, 1, 1);

        assertThrows(IllegalStateException.class, () -> RankSelection.select(blocks, 4, 1, 3, 1));
    }

    @Test
    void ordersKeysAsDoubleCompareOrdersValues() {
        double[] ordered = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1, -Double.MIN_VALUE, -0.0, 0.0,
            Double.MIN_VALUE, 1, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (int i = 1; i < ordered.length; i++) {
            assertTrue(RankSelection.key(ordered[i - 1]) < RankSelection.key(ordered[i]), ordered[i] + "");
            assertEquals(Double.doubleToRawLongBits(ordered[i]),
                    Double.doubleToRawLongBits(RankSelection.value(RankSelection.key(ordered[i]))));
        }
    }

    private static void assertSelected(double[] values, long[] ranks, int gathered) throws SQLException {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        BlocksInMemory blocks = new BlocksInMemory(values, 0, values.length, 700, gathered);

        Map<Long, Double> found = RankSelection.selectGathering(blocks, values.length, sorted[0],
                sorted[sorted.length - 1], gathered, ranks);

        for (long rank : ranks) {
            assertEquals(Double.doubleToRawLongBits(sorted[(int) rank]), Double.doubleToRawLongBits(found.get(rank)),
                    "rank " + rank + ": " + sorted[(int) rank] + " against " + found.get(rank));
        }
    }
}
