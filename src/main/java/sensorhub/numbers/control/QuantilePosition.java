package sensorhub.numbers.control;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Where numpy's default (linear, Hyndman and Fan type 7) method takes the q-quantile of {@code count} sorted values:
 * the ranks of the two values it interpolates between, and the interpolation itself, done as numpy's
 * {@code _quantile} and {@code _lerp} do it so that results are bit-identical. The position is
 * {@code (count - 1) * q}; the interpolation runs from the nearer neighbour ({@code a + (b - a) * t} below the
 * midpoint, {@code b - (b - a) * (1 - t)} from it on).
 *
 * @param lower the rank (from 0) of the value interpolated from
 * @param upper the rank of the value interpolated towards, {@code lower} or {@code lower + 1}
 * @param weight how far towards {@code upper}: numpy's {@code t}
 */
public record QuantilePosition(long lower, long upper, double weight) {

    /**
     * @param count how many values there are, at least one
     * @param q the fraction of values at or below the quantile, from 0 to 1 (numpy's {@code percentile(p)} takes
     *     {@code q = p / 100})
     */
    public static QuantilePosition of(long count, double q) {
        if (count < 1 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("A quantile needs values and q in [0, 1]: " + count + ", " + q);
        }
        long last = count - 1;
        double position = last * q;
        // numpy marks a position at the end with index -1 (the last value) yet still derives the weight from that
        // -1; kept because it decides the sign of a zero result.
        long below = position >= last ? -1 : (long) Math.floor(position);
        long lower = below < 0 ? last : below;
        long upper = below < 0 ? last : below + 1;
        return new QuantilePosition(lower, upper, position - below);
    }

    /**
     * The quantile, given the values at ranks {@link #lower} ({@code a}) and {@link #upper} ({@code b}). Where
     * {@code b - a} overflows (neighbours near {@code -Double.MAX_VALUE} and {@code Double.MAX_VALUE}) numpy's
     * answer is infinite or NaN, which JSON cannot carry: then the interpolation is computed exactly and rounded
     * once, a finite value between the two.
     */
    public double between(double a, double b) {
        double difference = b - a;
        double numpys = weight < 0.5 ? a + difference * weight : b - difference * (1 - weight);
        if (Double.isFinite(numpys) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return numpys;
        }
        BigDecimal exact = new BigDecimal(a).add(new BigDecimal(b).subtract(new BigDecimal(a))
                .multiply(new BigDecimal(weight)));
        // Parsing the decimal rounds correctly; BigDecimal.doubleValue() does not on Java 17 (JDK-8205592).
        return Double.parseDouble(exact.round(MathContext.DECIMAL128).toString());
    }
}
