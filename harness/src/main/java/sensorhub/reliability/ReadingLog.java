package sensorhub.reliability;

import java.util.Arrays;
import java.util.List;

/**
 * Readings a client sent, with one meaning per log: acknowledged (201), refused (a 4xx or a 503: the service says
 * nothing was written) or in doubt (no answer, or another 5xx: written or not). Sensors are indices into the
 * phase's sensor list. Written by one client thread, read after the phase.
 */
final class ReadingLog {

    private int size;
    private int[] sensors = new int[1024];
    private long[] micros = new long[1024];
    private double[] values = new double[1024];

    void add(Batch batch) {
        for (int i = 0; i < batch.size(); i++) {
            add(batch.sensor(), batch.micros(i), batch.value(i));
        }
    }

    void add(int sensor, long instant, double value) {
        if (size == sensors.length) {
            sensors = Arrays.copyOf(sensors, 2 * size);
            micros = Arrays.copyOf(micros, 2 * size);
            values = Arrays.copyOf(values, 2 * size);
        }
        sensors[size] = sensor;
        micros[size] = instant;
        values[size] = value;
        size++;
    }

    static ReadingLog merged(List<ReadingLog> logs) {
        ReadingLog all = new ReadingLog();
        for (ReadingLog log : logs) {
            for (int i = 0; i < log.size; i++) {
                all.add(log.sensors[i], log.micros[i], log.values[i]);
            }
        }
        return all;
    }

    int size() {
        return size;
    }

    int sensor(int i) {
        return sensors[i];
    }

    long micros(int i) {
        return micros[i];
    }

    double value(int i) {
        return values[i];
    }
}
