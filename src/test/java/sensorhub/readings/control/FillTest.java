package sensorhub.readings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sensorhub.problems.control.InvalidParameterException;

class FillTest {

    private static final List<long[]> SPANS = List.of(new long[] {0, 10}, new long[] {10, 20}, new long[] {20, 30},
            new long[] {30, 40}, new long[] {40, 50}, new long[] {50, 60});
    private static final SeriesRow TEN = SeriesRow.of(10, 20, 2, 1, 3, 2, 1, 3, Map.of("50", 2.0));
    private static final SeriesRow FORTY = SeriesRow.of(40, 50, 1, 7, 7, 7, 7, 7, Map.of("50", 7.0));
    private static final List<SeriesRow> ROWS = List.of(TEN, FORTY);

    @Test
    void leavesEmptyBucketsOutWithoutAFill() {
        assertEquals(ROWS, Fill.NONE.filled(ROWS, SPANS, 6));
    }

    @Test
    void givesEveryBucketNullFiguresWhereItHasNoReadings() {
        List<SeriesRow> filled = Fill.NULL.filled(ROWS, SPANS, 6);

        assertEquals(6, filled.size());
        assertEquals(empty(0, nulls()), filled.get(0));
        assertEquals(TEN, filled.get(1));
        assertEquals(empty(20, nulls()), filled.get(2));
        assertEquals(FORTY, filled.get(4));
    }

    @Test
    void repeatsTheNearestEarlierBucketsFiguresWithCountZero() {
        List<SeriesRow> filled = Fill.PREVIOUS.filled(ROWS, SPANS, 6);

        assertEquals(empty(0, nulls()), filled.get(0));
        assertEquals(empty(20, TEN.figures()), filled.get(2));
        assertEquals(empty(30, TEN.figures()), filled.get(3));
        assertEquals(empty(50, FORTY.figures()), filled.get(5));
    }

    @Test
    void interpolatesEachFigureByBucketStartBetweenNeighboursWithReadings() {
        List<SeriesRow> filled = Fill.LINEAR.filled(ROWS, SPANS, 6);

        assertEquals(empty(0, nulls()), filled.get(0));
        // a third of the way from TEN (start 10) to FORTY (start 40), then two thirds
        double third = 1.0 / 3;
        double twoThirds = 2.0 / 3;
        assertEquals(empty(20, List.of(1 + 6 * third, 3 + 4 * third, 2 + 5 * third, 1 + 6 * third, 3 + 4 * third,
                2 + 5 * third)), filled.get(2));
        assertEquals(empty(30, List.of(1 + 6 * twoThirds, 3 + 4 * twoThirds, 2 + 5 * twoThirds, 1 + 6 * twoThirds,
                3 + 4 * twoThirds, 2 + 5 * twoThirds)), filled.get(3));
        assertEquals(empty(50, nulls()), filled.get(5));
    }

    @Test
    void interpolatesBetweenTheLargestOppositeValuesWithoutOverflowing() {
        SeriesRow low = SeriesRow.of(0, 10, 1, -Double.MAX_VALUE, 0, 0, 0, 0, Map.of());
        SeriesRow high = SeriesRow.of(20, 30, 1, Double.MAX_VALUE, 0, 0, 0, 0, Map.of());

        List<SeriesRow> filled = Fill.LINEAR.filled(List.of(low, high), SPANS.subList(0, 3), 5);

        assertEquals(0.0, filled.get(1).figures().get(SeriesRow.MIN));
    }

    @Test
    void readsTheFillsInfluxQlNamesAndRefusesOthers() {
        assertEquals(Fill.NONE, Fill.of(null));
        assertEquals(Fill.LINEAR, Fill.of("linear"));
        assertThrows(InvalidParameterException.class, () -> Fill.of("none"));
        assertThrows(InvalidParameterException.class, () -> Fill.of("NULL"));
    }

    private static SeriesRow empty(long start, List<Double> figures) {
        return SeriesRow.empty(start, start + 10, figures);
    }

    private static List<Double> nulls() {
        return Arrays.asList(null, null, null, null, null, null);
    }
}
