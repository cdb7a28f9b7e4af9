package sensorhub.reliability;

import java.time.Instant;
import java.util.Random;

/** One {@code POST /api/sensor_values}: readings of one sensor at instants no other client uses. */
record Batch(int sensor, String sensorId, long[] micros, double[] values) {

    /**
     * {@code count} readings at the next slots of client {@code client} of {@code clients}: slot
     * {@code seq * clients + client} is one second after {@code startMicros} per slot, plus {@code slot % 1000}
     * microseconds, so that instants are unique across clients and use the microsecond digits.
     */
    static Batch next(int sensor, String sensorId, int count, long startMicros, int client, int clients, long firstSeq,
            Random random) {
        long[] micros = new long[count];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            long slot = (firstSeq + i) * clients + client;
            micros[i] = startMicros + slot * 1_000_000 + slot % 1000;
            values[i] = 20 + 5 * random.nextGaussian();
        }
        return new Batch(sensor, sensorId, micros, values);
    }

    int size() {
        return micros.length;
    }

    long micros(int i) {
        return micros[i];
    }

    double value(int i) {
        return values[i];
    }

    String json() {
        StringBuilder json = new StringBuilder(size() * 80).append('[');
        for (int i = 0; i < size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"sensor_id\":\"").append(sensorId)
                    .append("\",\"creation_date\":\"").append(iso(micros[i]))
                    .append("\",\"value\":").append(values[i]).append('}');
        }
        return json.append(']').toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder(size() * 60).append("sensor_id,creation_date,value\n");
        for (int i = 0; i < size(); i++) {
            csv.append(sensorId).append(',').append(iso(micros[i])).append(',').append(values[i]).append('\n');
        }
        return csv.toString();
    }

    static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000)
                .toString();
    }
}
