package sensorhub.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The readings of one sensor at a fixed step from a fixed start, with values that depend only on the seed and the
 * index: every run, and the REST and JDBC sides of one run, write exactly the same rows.
 */
record ReadingSeries(String sensorId, long startMicros, long stepMicros, int count, long seed) {

    static ReadingSeries of(String sensorId, Instant start, long stepMicros, int count, long seed) {
        return new ReadingSeries(sensorId, start.getEpochSecond() * 1_000_000 + start.getNano() / 1_000,
                stepMicros, count, seed);
    }

    long micros(int index) {
        return startMicros + index * stepMicros;
    }

    /** A daily temperature wave with noise, to the thousandth, so values have ties and short JSON numbers. */
    double value(int index) {
        double dayFraction = Math.floorMod(micros(index), 86_400_000_000L) / 86_400_000_000d;
        double noise = (mix(seed * 1_000_003 + index) >>> 11) / (double) (1L << 53) - 0.5;
        return Math.round((20 + 8 * Math.sin(2 * Math.PI * dayFraction) + 2 * noise) * 1000) / 1000d;
    }

    /** SplitMix64's finalizer: a well-spread number per index without keeping a generator's state. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Readings {@code [from, to)} of one series: one request body, or one JDBC batch. */
    record Slice(ReadingSeries series, int from, int to) {

        int size() {
            return to - from;
        }

        byte[] json() {
            StringBuilder json = new StringBuilder(size() * 80).append('[');
            for (int i = from; i < to; i++) {
                if (i > from) {
                    json.append(',');
                }
                long micros = series.micros(i);
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                        Math.floorMod(micros, 1_000_000) * 1_000L);
                json.append("{\"sensor_id\":\"").append(series.sensorId())
                        .append("\",\"creation_date\":\"").append(at)
                        .append("\",\"value\":").append(series.value(i)).append('}');
            }
            return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * All readings of the series cut into slices of at most {@code size}, taking the first slice of each series,
     * then the second of each, ...: concurrent clients then write different sensors, as gateways would.
     */
    static List<Slice> interleaved(List<ReadingSeries> series, int size) {
        List<Slice> slices = new ArrayList<>();
        int longest = series.stream().mapToInt(ReadingSeries::count).max().orElse(0);
        for (int from = 0; from < longest; from += size) {
            for (ReadingSeries one : series) {
                if (from < one.count()) {
                    slices.add(new Slice(one, from, Math.min(one.count(), from + size)));
                }
            }
        }
        return slices;
    }
}
