package sensorhub.blocks.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings of one request, held in primitive arrays: a 100,000-reading batch takes about 2 MB, not the
 * tens of megabytes as many objects would.
 */
public final class ReadingBatch {

    private final List<String> sensorIds = new ArrayList<>();
    private final Map<String, Integer> sensorIndex = new HashMap<>();
    private int[] sensors = new int[1024];
    private long[] micros = new long[1024];
    private double[] values = new double[1024];
    private int size;
    /** The sensor of the item added last, which the next one usually shares: no lookup then. */
    private String lastSensorId;
    private int lastSensor;

    public void add(String sensorId, long creationMicros, double value) {
        if (size == micros.length) {
            int capacity = size * 2;
            sensors = Arrays.copyOf(sensors, capacity);
            micros = Arrays.copyOf(micros, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        if (!sensorId.equals(lastSensorId)) {
            lastSensor = sensorIndex.computeIfAbsent(sensorId, id -> {
                sensorIds.add(id);
                return sensorIds.size() - 1;
            });
            lastSensorId = sensorId;
        }
        sensors[size] = lastSensor;
        micros[size] = creationMicros;
        values[size] = value;
        size++;
    }

    /** Adds every reading of the other batch, in its order. */
    public void addAll(ReadingBatch other) {
        for (int i = 0; i < other.size; i++) {
            add(other.sensorIds.get(other.sensors[i]), other.micros[i], other.values[i]);
        }
    }

    public int size() {
        return size;
    }

    /** The distinct sensor ids, in order of first appearance. */
    public List<String> sensorIds() {
        return sensorIds;
    }

    /** Index into {@link #sensorIds()} of item {@code i}'s sensor. */
    public int sensorOf(int i) {
        return sensors[i];
    }

    public long micros(int i) {
        return micros[i];
    }

    public double value(int i) {
        return values[i];
    }
}
