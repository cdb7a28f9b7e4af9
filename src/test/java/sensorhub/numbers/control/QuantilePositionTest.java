package sensorhub.numbers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilePositionTest {

    @Test
    void placesTheQuantileBetweenTheNeighbouringRanks() {
        assertEquals(new QuantilePosition(2, 3, 0.25), QuantilePosition.of(5, 0.5625));
        assertEquals(3.25, QuantilePosition.of(5, 0.5625).between(3, 4));
    }

    @Test
    void takesTheLastValueAtTheEndAsNumpyDoes() {
        QuantilePosition end = QuantilePosition.of(4, 1);

        assertEquals(3, end.lower());
        assertEquals(3, end.upper());
        assertEquals(4.0, end.weight());
    }

    @Test
    void interpolatesNeighboursWhoseDifferenceOverflowsExactlyInsteadOfAnsweringInfinity() {
        QuantilePosition middle = QuantilePosition.of(2, 0.5);

        assertEquals(0.0, middle.between(-Double.MAX_VALUE, Double.MAX_VALUE));
        assertEquals(Double.MAX_VALUE / 2, QuantilePosition.of(3, 0.75).between(0, Double.MAX_VALUE));
    }

    @Test
    void refusesAQuantileOfNothingOrOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> QuantilePosition.of(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> QuantilePosition.of(3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> QuantilePosition.of(3, Double.NaN));
    }
}
