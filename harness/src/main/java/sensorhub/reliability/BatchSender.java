package sensorhub.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import sensorhub.reliability.ApiTraffic.Answer;

/**
 * How the suites' ingest clients send a batch: again after a 503, another 5xx, a broken connection or a timeout,
 * until it is answered for good or the phase ends ({@code stopped}), then filed in the client's ledger by what
 * became of it. An attempt without an answer, or with a 5xx other than 503, may have been written: a batch that
 * had such an attempt and is not acknowledged in the end is in doubt. Shared by a phase's clients.
 */
final class BatchSender {

    private final ApiTraffic api;
    private final long pauseMillis;
    private final BooleanSupplier stopped;
    private final AtomicInteger retries = new AtomicInteger();

    /** One attempt's answer, and when it came ({@link System#nanoTime()}). */
    record Attempt(Answer answer, long answeredNanos) {
    }

    BatchSender(ApiTraffic api, long pauseMillis, BooleanSupplier stopped) {
        this.api = api;
        this.pauseMillis = pauseMillis;
        this.stopped = stopped;
    }

    /** Sends the batch as CSV or JSON until settled, files it in {@code ledger}, and answers every attempt. */
    List<Attempt> send(Batch batch, boolean csv, Ledger ledger) throws InterruptedException {
        List<Attempt> attempts = new ArrayList<>();
        boolean doubtful = false;
        while (true) {
            Answer answer = csv
                    ? api.post(Route.POST_READINGS_CSV, "sensor_values", "text/csv", batch.csv())
                    : api.post(Route.POST_READINGS_JSON, "sensor_values", "application/json", batch.json());
            attempts.add(new Attempt(answer, System.nanoTime()));
            int status = answer.status();
            boolean again = status >= 500 || status < 0;
            doubtful |= again && status != 503;
            if (!again || stopped.getAsBoolean()) {
                if (status != 201 && doubtful) {
                    ledger.inDoubt.add(batch);
                } else {
                    ledger.settle(batch, answer);
                }
                return attempts;
            }
            retries.incrementAndGet();
            Thread.sleep(pauseMillis);
        }
    }

    /** Batches sent again so far, by every client of the phase. */
    int retried() {
        return retries.get();
    }
}
