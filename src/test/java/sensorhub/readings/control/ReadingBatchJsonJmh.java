package sensorhub.readings.control;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sensorhub.blocks.entity.ReadingBatch;

/**
 * JMH microbenchmark of reading a JSON batch of 10,000 readings from its bytes, as the service reads it
 * ({@link ReadingBatchParser#json}: {@link RetainedBody} and Jackson's streaming parser in {@link JacksonReadings}),
 * and as {@link ParssonReadings} reads a body Jackson refused, which costs that much more only for such a body.
 * Bodies as a gateway posts them: 10 sensors taking turns, ISO timestamps with Z, values such as {@code 21.37};
 * {@code escaped} adds escapes to every id and two fields the batch passes over.
 *
 * <p>Run with {@code ./mvnw -B -ntp -Pjmh clean test-compile exec:exec} (3 forks of 10 warm-up and 10 measured
 * seconds for each; {@code -Djmh.args=...} adds JMH options), on an otherwise idle machine.
 *
 * <p>Against the hand-written tokenizer this replaced, side by side in one run of the commit that brought Jackson
 * in (12e3868, whose copy of this class measures both: {@code git checkout 12e3868 && ./mvnw -B -ntp -Pjmh clean
 * test-compile exec:exec}), on the 2-core machine while others built on it (load average 13 falling to 6), in
 * milliseconds per batch, mean and 99.9 % interval of 3 forks of 10 s: plain, tokenizer 8.3 ± 3.7, Jackson
 * 12.9 ± 2.0; escaped, tokenizer 9.6 ± 4.9, Jackson 20.9 ± 4.1 (the intervals are wide for the load; the
 * two taking turns in one JVM, by the thread's CPU time, gave 4.1 against 5.3 ms plain and 8.4 against 12.2
 * escaped: Jackson costs 0.12 to 0.37 µs more a reading). End to end (Payara Micro
 * and MariaDB, 4 clients posting batches of 10,000, the two WARs in alternate server starts, 4 each, the median
 * of 5 timed rounds of 1,000,000 readings per start, load average 12 to 23): tokenizer 193,824 and Jackson
 * 183,773 readings/s in a run of 4 starts each (medians of the starts' medians, -5 %), 291,461 and 299,052 in a
 * second of 3 each (+3 %); the server's CPU 2.19 against 2.60, then 2.01 against 2.19 s a million readings
 * (+19 %, +9 %). Under that load the rates vary between starts by a factor of two, more than the parsers differ.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReadingBatchJsonJmh {

    static final int READINGS = 10_000;
    private static final int SENSORS = 10;
    private static final long START_SECOND = 1_767_225_600L;

    @Param({"plain", "escaped"})
    String body;

    private byte[] bytes;

    @Setup
    public void setUp() {
        bytes = body(body.equals("escaped")).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public ReadingBatch jackson() {
        return ReadingBatchParser.json(new ByteArrayInputStream(bytes), READINGS);
    }

    @Benchmark
    public ReadingBatch parsson() {
        return ParssonReadings.read(new RetainedBody(new ByteArrayInputStream(bytes)), READINGS);
    }

    /** A batch of {@link #READINGS} readings; {@code escaped}: escapes in the ids and fields to pass over. */
    static String body(boolean escaped) {
        StringBuilder json = new StringBuilder(READINGS * 110).append('[');
        for (int i = 0; i < READINGS; i++) {
            int sensor = i % SENSORS;
            String id = escaped ? "gw\\/hall-\\u00e9\\\"" + sensor + "\\\"" : "sensor-0" + sensor;
            json.append(i > 0 ? "," : "").append("{\"sensor_id\":\"").append(id)
                    .append("\",\"creation_date\":\"")
                    .append(java.time.Instant.ofEpochSecond(START_SECOND + i / SENSORS)).append("\",\"value\":")
                    .append(20 + sensor).append('.').append(String.format("%02d", i * 37 % 100));
            if (escaped) {
                json.append(",\"unit\":\"\\u00b0C\",\"quality\":{\"ok\":true,\"flags\":[1,2]}");
            }
            json.append('}');
        }
        return json.append(']').toString();
    }
}
