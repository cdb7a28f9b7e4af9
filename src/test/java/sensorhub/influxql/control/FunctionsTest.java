package sensorhub.influxql.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.influxql.control.Functions.Result;

/** Each function as InfluxDB 1.x defines it (query/functions.go, call_iterator.go), ties included. */
class FunctionsTest {

    private static final List<String> ALL_BUT_COUNT = List.of("mean", "median", "min", "max", "sum", "first", "last",
            "spread", "stddev", "percentile");

    /** Points ten microseconds apart, in the order given. */
    private static Points spaced(double... values) {
        Points points = new Points(values.length);
        for (int i = 0; i < values.length; i++) {
            points.add(10L * (i + 1), values[i]);
        }
        return points;
    }

    /** Points from pairs of time (microseconds) and value. */
    private static Points at(double... timesAndValues) {
        Points points = new Points(timesAndValues.length / 2);
        for (int i = 0; i < timesAndValues.length; i += 2) {
            points.add((long) timesAndValues[i], timesAndValues[i + 1]);
        }
        return points;
    }

    private static Result apply(String function, Points points) {
        return apply(function, 0, points);
    }

    private static Result apply(String function, double argument, Points points) {
        return Functions.apply(function, argument, points, 0, points.size());
    }

    private static double value(Result result) {
        return result.value().doubleValue();
    }

    @Test
    void countsNoPointsAsZero() {
        assertEquals(0L, apply("count", spaced()).value());
    }

    @Test
    void answersNothingElseForNoPoints() {
        for (String function : ALL_BUT_COUNT) {
            assertNull(Functions.apply(function, 50, spaced(1, 2, 3), 1, 1).value(), function);
        }
    }

    @Test
    void countsThePointsOfTheWindowOnly() {
        Points points = spaced(1, 2, 3, 4, 5);

        assertEquals(5L, apply("count", points).value());
        assertEquals(2L, Functions.apply("count", 0, points, points.firstAtOrAfter(20), points.firstAtOrAfter(40))
                .value());
    }

    @Test
    void averagesAndAdds() {
        assertEquals(2.5, value(apply("mean", spaced(1, 2, 3, 4))));
        assertEquals(7.0, value(apply("sum", spaced(1.5, 2.5, 3))));
        assertEquals(-0.5, value(apply("mean", spaced(-1, 0))));
    }

    @Test
    void minPicksTheEarliestOfEqualValues() {
        Result min = apply("min", at(10, 5, 20, 3, 30, 3, 40, 4));

        assertEquals(3.0, value(min));
        assertEquals(20, min.micros());
    }

    @Test
    void maxPicksTheEarliestOfEqualValues() {
        Result max = apply("max", at(10, 7, 20, 9, 30, 9, 40, 8));

        assertEquals(9.0, value(max));
        assertEquals(20, max.micros());
    }

    @Test
    void firstPicksTheGreaterValueOfPointsAtTheSameTime() {
        for (Points points : List.of(at(10, 1, 10, 4, 20, 9), at(10, 4, 10, 1, 20, 9))) {
            Result first = apply("first", points);

            assertEquals(4.0, value(first));
            assertEquals(10, first.micros());
        }
    }

    @Test
    void lastPicksTheGreaterValueOfPointsAtTheSameTime() {
        for (Points points : List.of(at(10, 9, 20, 2, 20, 5), at(10, 9, 20, 5, 20, 2))) {
            Result last = apply("last", points);

            assertEquals(5.0, value(last));
            assertEquals(20, last.micros());
        }
    }

    @Test
    void spreadIsMaxMinusMin() {
        assertEquals(13.0, value(apply("spread", spaced(20, 10, 23, 21))));
        assertEquals(0.0, value(apply("spread", spaced(20))));
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(4.0, value(apply("median", spaced(9, 1, 4))));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(3.0, value(apply("median", spaced(10, 1, 4, 2))));
        assertEquals(45.5, value(apply("median", spaced(40, 41, 42, 45, 46, 47, 48, 49))));
    }

    @Test
    void stddevIsTheSampleStandardDeviation() {
        assertEquals(Math.sqrt(32.0 / 7), value(apply("stddev", spaced(2, 4, 4, 4, 5, 5, 7, 9))), 1e-15);
        assertEquals(3.370036032024414, value(apply("stddev", spaced(40, 41, 42, 45, 46, 47, 48, 49))), 1e-14);
    }

    @Test
    void stddevNeedsTwoPoints() {
        assertNull(apply("stddev", spaced(20)).value());
        assertEquals(Math.sqrt(0.5), value(apply("stddev", spaced(20, 21))), 1e-15);
    }

    @Test
    void percentileIsTheNearestRankValue() {
        Points oneToTen = spaced(7, 3, 10, 1, 5, 9, 2, 8, 6, 4);

        // floor(n * p / 100 + 0.5) - 1 in value order: 50 -> index 4, 95 -> 9, 5 -> 0, 14 -> 0, 15 -> 1
        assertEquals(5.0, value(apply("percentile", 50, oneToTen)));
        assertEquals(10.0, value(apply("percentile", 95, oneToTen)));
        assertEquals(1.0, value(apply("percentile", 5, oneToTen)));
        assertEquals(1.0, value(apply("percentile", 14, oneToTen)));
        assertEquals(2.0, value(apply("percentile", 15, oneToTen)));
        assertEquals(7.0, value(apply("percentile", 66.6, oneToTen)));
    }

    @Test
    void percentileOutsideThePointsIsNull() {
        Points oneToTen = spaced(7, 3, 10, 1, 5, 9, 2, 8, 6, 4);

        assertNull(apply("percentile", 0, oneToTen).value());
        assertNull(apply("percentile", 4.9, oneToTen).value());
        assertEquals(10.0, value(apply("percentile", 100, oneToTen)));
    }

    @Test
    void percentileIsASelectorOfItsPointsTime() {
        Result p50 = apply("percentile", 50, at(10, 30, 20, 10, 30, 20));

        assertEquals(20.0, value(p50));
        assertEquals(30, p50.micros());
    }

    @Test
    void selectorsAnswerTheirPointsTimeAndAggregatesNone() {
        Points points = at(10, 5, 20, 1, 30, 9);

        assertEquals(20, apply("min", points).micros());
        assertEquals(30, apply("max", points).micros());
        assertEquals(10, apply("first", points).micros());
        assertEquals(30, apply("last", points).micros());
        for (String aggregate : List.of("count", "mean", "median", "sum", "spread", "stddev")) {
            assertEquals(Long.MIN_VALUE, apply(aggregate, points).micros(), aggregate);
        }
    }

    @Test
    void refusesAnUnknownFunctionInInfluxDbsWords() {
        QueryException e = assertThrows(QueryException.class, () -> apply("mode", spaced(1)));

        assertEquals("undefined function mode()", e.getMessage());
    }
}
