package sensorhub.numbers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

/**
 * Says whether a double is the correctly rounded value of an exact quotient, by exact comparison with its two
 * neighbours rather than by trusting another rounding routine.
 */
final class RoundingReference {

    /** The first power of two beyond the largest double: the neighbour that rounding to infinity stands for. */
    private static final BigDecimal TWO_TO_1024 = new BigDecimal(Double.MAX_VALUE)
            .add(new BigDecimal(Math.ulp(Double.MAX_VALUE)));

    private RoundingReference() {
    }

    /** Asserts that {@code actual} is {@code numerator / denominator} rounded to nearest, ties to even. */
    static void assertNearest(BigDecimal numerator, long denominator, double actual) {
        BigDecimal den = BigDecimal.valueOf(denominator);
        String what = numerator + " / " + denominator + " rounded to " + actual;
        if (Double.isInfinite(actual)) {
            BigDecimal halfwayBeyondMax = new BigDecimal(Double.MAX_VALUE).add(TWO_TO_1024).divide(BigDecimal.valueOf(2));
            assertTrue(numerator.abs().compareTo(halfwayBeyondMax.multiply(den)) >= 0, what);
            assertEquals(numerator.signum(), (int) Math.signum(actual), what);
            return;
        }
        BigDecimal distance = distance(numerator, den, new BigDecimal(actual));
        for (double neighbour : new double[] {Math.nextUp(actual), Math.nextDown(actual)}) {
            BigDecimal other = Double.isInfinite(neighbour) ? TWO_TO_1024.multiply(BigDecimal.valueOf(neighbour > 0
                    ? 1 : -1)) : new BigDecimal(neighbour);
            int closer = distance.compareTo(distance(numerator, den, other));
            assertTrue(closer < 0 || closer == 0 && !Double.isInfinite(neighbour)
                    && (Double.doubleToRawLongBits(actual) & 1) == 0, what + ", not to its neighbour " + neighbour);
        }
    }

    private static BigDecimal distance(BigDecimal numerator, BigDecimal den, BigDecimal candidate) {
        return numerator.subtract(candidate.multiply(den)).abs();
    }
}
