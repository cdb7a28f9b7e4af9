package sensorhub.readings.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.InvalidJsonException;
import sensorhub.problems.control.RejectedException.Reason;
import sensorhub.problems.control.RejectedException;
import sensorhub.testing.ParserContract;

/**
 * Fuzzes the reading batch parser with request bodies: it ends, refuses only with a problem answer (400, or 413
 * for too many items) or a JSON syntax error, and every batch it returns holds only items within the limits.
 * {@link #jsonLikeReference} also holds the JSON reader (Jackson, and Parsson for what Jackson refuses) to the
 * Parsson-based one that came before it.
 */
class ReadingBatchParserFuzzTest {

    private static final int MAX_BATCH = 20;
    private static final long FIRST_MICROS = -62_135_596_800_000_000L;
    private static final long LAST_MICROS = 253_402_300_799_999_999L;

    /**
     * Loads the parsers' classes before the first timed input: Jazzer instruments each class as it loads, up to
     * a second apiece on a busy machine (Jackson's and Parsson's many), which the first inputs' time limit would
     * otherwise count.
     */
    @BeforeAll
    static void loadParsers() {
        for (String body : new String[] {"[{\"sensor_id\":\"a\",\"creation_date\":\"2026-01-01T00:00:01Z\","
                + "\"value\":-0.5e1,\"x\":[{\"y\":null}]}]", "[{\"a\" 1}]", "[\"\u00e9\\ud800\"", "{}", "",
                "[" + "[".repeat(40)}) {
            for (int maxBatch : new int[] {0, MAX_BATCH}) {
                ReferenceAgreement.outcome(() -> ReadingBatchParser.json(
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxBatch));
                ReferenceAgreement.outcome(() -> ReadingBatchParser.csv(
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxBatch));
            }
            ReferenceAgreement.assertAgrees(body.getBytes(StandardCharsets.UTF_8), MAX_BATCH, 1);
        }
    }

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void json(byte[] body) throws Exception {
        ParserContract.outcome(() -> checked(() -> ReadingBatchParser.json(new ByteArrayInputStream(body), MAX_BATCH)),
                RejectedException.class, InvalidJsonException.class);
    }

    /** Every body is answered as {@link ReferenceReadingBatchParser} answers it, as {@link ReferenceAgreement} says. */
    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void jsonLikeReference(byte[] body) throws Exception {
        int maxBatch = body.length % 3 == 0 ? 2 : MAX_BATCH;
        ParserContract.outcome(() -> {
            ReferenceAgreement.assertAgrees(body, maxBatch, body.length);
            return body;
        });
    }

    @FuzzTest(maxDuration = ParserContract.FUZZ_TIME)
    void csv(byte[] body) throws Exception {
        ParserContract.outcome(() -> checked(() -> ReadingBatchParser.csv(new ByteArrayInputStream(body), MAX_BATCH)),
                RejectedException.class);
    }

    private static ReadingBatch checked(Callable<ReadingBatch> parse) throws Exception {
        try {
            return withinLimits(parse.call());
        } catch (RejectedException e) {
            assertTrue(e.reason() == Reason.INVALID || e.reason() == Reason.TOO_LARGE, "reason " + e.reason());
            throw e;
        }
    }

    private static ReadingBatch withinLimits(ReadingBatch batch) {
        assertTrue(batch.size() >= 1 && batch.size() <= MAX_BATCH, "size " + batch.size());
        for (String id : batch.sensorIds()) {
            assertTrue(!id.isEmpty() && id.length() <= ReadingItems.MAX_ID_LENGTH, "sensor id " + id);
        }
        for (int i = 0; i < batch.size(); i++) {
            assertTrue(batch.sensorOf(i) >= 0 && batch.sensorOf(i) < batch.sensorIds().size(), "sensor of " + i);
            long micros = batch.micros(i);
            assertTrue(micros >= FIRST_MICROS && micros <= LAST_MICROS, "[" + i + "] at " + micros
                    + " µs, outside the years 1 to 9999");
            assertTrue(Double.isFinite(batch.value(i)), "[" + i + "] value " + batch.value(i));
        }
        return batch;
    }
}
