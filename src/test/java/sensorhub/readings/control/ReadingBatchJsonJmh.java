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
import sensorhub.json.control.JsonTokenizer;

/**
 * JMH microbenchmark of reading a JSON batch of 10,000 readings from its bytes: the hand-written tokenizer
 * ({@link JsonReadings} over {@link JsonTokenizer}) against Jackson's streaming parser as the service reads with
 * it ({@link ReadingBatchParser#json}: {@link RetainedBody} and {@link JacksonReadings}), in one run. Bodies as a
 * gateway posts them: 10 sensors taking turns, ISO timestamps with Z, values such as {@code 21.37}; {@code
 * escaped} adds escapes to every id and two fields the batch passes over.
 *
 * <p>Run with {@code ./mvnw -B -ntp -Pjmh clean test-compile exec:exec} (3 forks of 10 warm-up and 10 measured
 * seconds for each of the four), on an otherwise idle machine.
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
    public ReadingBatch tokenizer() {
        return new JsonReadings(new JsonTokenizer(new ByteArrayInputStream(bytes)), new ReadingItems(READINGS))
                .read();
    }

    @Benchmark
    public ReadingBatch jackson() {
        return ReadingBatchParser.json(new ByteArrayInputStream(bytes), READINGS);
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
