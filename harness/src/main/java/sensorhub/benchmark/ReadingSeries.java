package sensorhub.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The readings of one sensor at a fixed step from a fixed start, with values that depend only on the seed and the
 * index: every run, and every path and peer of one run, write exactly the same rows.
 */
record ReadingSeries(String sensorId, long startMicros, long stepMicros, int count, long seed, Wave wave) {

    /** How values vary: a daily wave with noise, as real sensors send, or the bare wave, as a codec likes best. */
    enum Wave { NOISY, REGULAR }

    static ReadingSeries of(String sensorId, Instant start, long stepMicros, int count, long seed) {
        return new ReadingSeries(sensorId, start.getEpochSecond() * 1_000_000 + start.getNano() / 1_000,
                stepMicros, count, seed, Wave.NOISY);
    }

    /** The same readings without the noise term. */
    ReadingSeries regular() {
        return new ReadingSeries(sensorId, startMicros, stepMicros, count, seed, Wave.REGULAR);
    }

    long micros(int index) {
        return startMicros + index * stepMicros;
    }

    /** A daily temperature wave (with noise unless REGULAR), to the thousandth: ties and short JSON numbers. */
    double value(int index) {
        double dayFraction = Math.floorMod(micros(index), 86_400_000_000L) / 86_400_000_000d;
        double noise = wave == Wave.REGULAR ? 0 : (mix(seed * 1_000_003 + index) >>> 11) / (double) (1L << 53) - 0.5;
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
                json.append("{\"sensor_id\":\"").append(series.sensorId())
                        .append("\",\"creation_date\":\"").append(instant(i))
                        .append("\",\"value\":").append(series.value(i)).append('}');
            }
            return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The service's CSV body: a header line, then one reading a line. */
        byte[] csv() {
            StringBuilder csv = new StringBuilder(size() * 50).append("sensor_id,creation_date,value\n");
            for (int i = from; i < to; i++) {
                csv.append(series.sensorId()).append(',').append(instant(i)).append(',').append(series.value(i))
                        .append('\n');
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** InfluxDB's line protocol, timestamps in microseconds ({@code precision=u}), the sensor as sensor_id. */
        byte[] lineProtocol(String measurement) {
            return lineProtocol(measurement, "sensor_id");
        }

        /** The same with the sensor in the tag {@code tag}. */
        byte[] lineProtocol(String measurement, String tag) {
            StringBuilder lines = new StringBuilder(size() * 60);
            for (int i = from; i < to; i++) {
                lines.append(measurement).append(',').append(tag).append('=').append(series.sensorId())
                        .append(" value=").append(series.value(i)).append(' ').append(series.micros(i)).append('\n');
            }
            return lines.toString().getBytes(StandardCharsets.UTF_8);
        }

        private Instant instant(int index) {
            long micros = series.micros(index);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
        }
    }

    /**
     * All readings of the series cut into slices of at most {@code size}, taking the first slice of each series,
     * then the second of each, ...: concurrent clients then write different sensors, as gateways would.
     */
    static List<Slice> interleaved(List<ReadingSeries> series, int size) {
        int longest = series.stream().mapToInt(ReadingSeries::count).max().orElse(0);
        return interleaved(series, size, 0, longest);
    }

    /**
     * The series' readings in {@code rounds} consecutive spans of time (of the longest series' readings), each
     * {@link #interleaved} on its own: a round writes every sensor's next stretch, as live data arrives.
     */
    static List<List<Slice>> rounds(List<ReadingSeries> series, int size, int rounds) {
        int longest = series.stream().mapToInt(ReadingSeries::count).max().orElse(0);
        List<List<Slice>> all = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            all.add(interleaved(series, size, (int) ((long) longest * round / rounds),
                    (int) ((long) longest * (round + 1) / rounds)));
        }
        return all;
    }

    /** The series' readings {@code [first, end)}, cut and taken in turns as {@link #interleaved(List, int)} does. */
    static List<Slice> interleaved(List<ReadingSeries> series, int size, int first, int end) {
        List<Slice> slices = new ArrayList<>();
        for (int from = first; from < end; from += size) {
            for (ReadingSeries one : series) {
                if (from < one.count()) {
                    slices.add(new Slice(one, from, Math.min(Math.min(one.count(), end), from + size)));
                }
            }
        }
        return slices;
    }
}
