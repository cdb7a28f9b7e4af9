package sensorhub.influxql.control;

import java.util.Arrays;

/**
 * Readings of one or more series as the functions see them: times (microseconds) and values in two arrays, in time
 * order, ties between series kept in the order they were merged.
 */
public final class Points {

    private long[] micros;
    private double[] values;
    private int size;

    public Points(int capacity) {
        micros = new long[Math.max(capacity, 16)];
        values = new double[micros.length];
    }

    /** The first {@code size} entries of the arrays, taken as they are (not copied). */
    public Points(long[] micros, double[] values, int size) {
        this.micros = micros;
        this.values = values;
        this.size = size;
    }

    public void add(long time, double value) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        micros[size] = time;
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public long micros(int i) {
        return micros[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** The first index at or after {@code time}, by binary search (the points are in time order). */
    public int firstAtOrAfter(long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (micros[mid] < time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** These points and the other's, in one time order (a stable merge: this one's first at equal times). */
    public Points merged(Points other) {
        Points out = new Points(size + other.size);
        int i = 0;
        int j = 0;
        while (i < size || j < other.size) {
            if (j == other.size || i < size && micros[i] <= other.micros[j]) {
                out.add(micros[i], values[i++]);
            } else {
                out.add(other.micros[j], other.values[j++]);
            }
        }
        return out;
    }
}
