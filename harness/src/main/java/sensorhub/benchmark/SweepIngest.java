package sensorhub.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import sensorhub.benchmark.ConcurrentBatches.Body;
import sensorhub.benchmark.ReadingSeries.Slice;

/**
 * Issue 21's ingest beside the retention sweep: the 1 Hz sensor is given a retention that leaves about
 * {@code sweepReadings} of its oldest readings to the server's sweep, and while the sweep removes them the ingest's
 * batches (same size, same clients, JSON) go in rounds to sensors of their own; then as many rounds without a
 * sweep, all after an untimed round to the same sensors. Each side's batch p50 and p99, and how long the sweep
 * took, told by polling the sensor's {@code /storage}. Rounds are rendered one at a time, between rounds, since
 * their number is not known beforehand: the sweep goes on alone meanwhile, and both sides have the same pauses.
 */
final class SweepIngest {

    private static final String PREFIX = "bench-sweep-";
    private static final Duration POLL = Duration.ofMillis(200);
    /** The longest the sweep is waited for once the rounds are used up. */
    private static final Duration LONGEST = Duration.ofMinutes(10);
    private static final long DAY_READINGS = 86_400;

    private final BenchmarkSettings settings;
    private final ServiceClient api;
    private final ResultTable table;

    SweepIngest(BenchmarkSettings settings, ServiceClient api, ResultTable table) {
        this.settings = settings;
        this.api = api;
        this.table = table;
    }

    /**
     * The sensors written before, during and after the sweep, with room for an untimed round and
     * {@code sweepRoundsAtMost} rounds of each.
     */
    static List<ReadingSeries> sensors(BenchmarkSettings settings) {
        return Workload.ingest(settings, PREFIX, settings.readingsPerSensor() * rounds(settings));
    }

    private static int rounds(BenchmarkSettings settings) {
        return 3 * settings.sweepRoundsAtMost() + 1;
    }

    /** Sweeps the 1 Hz sensor {@code series} (the service holds all of it) while ingest runs, then ingest alone. */
    void measure(ReadingSeries series) throws Exception {
        int days = (int) Math.min(settings.seriesDays(), (settings.sweepReadings() + DAY_READINGS - 1) / DAY_READINGS);
        // The sweep removes readings before the UTC midnight a day before the cutoff's day (docs/retention.md).
        LocalDate sweptBefore = Workload.SERIES_START.plusDays(days);
        long retentionDays = ChronoUnit.DAYS.between(sweptBefore.plusDays(1), LocalDate.now(ZoneOffset.UTC));
        long before = readings(series.sensorId());
        long after = before - days * DAY_READINGS;
        Iterator<List<Slice>> rounds = ReadingSeries.rounds(sensors(settings), settings.batchSize(), rounds(settings))
                .iterator();
        // Untimed: a sensor's first readings cost more (its first blocks, its key looked up anew), and only the
        // side with the sweep would pay for them.
        send(rounds.next());

        // Rounds without a sweep before it as well as after it, so that neither side gains from coming later.
        Settled.machine();
        List<ConcurrentBatches.Sent> ahead = withoutSweep(series, rounds, settings.sweepRoundsAtMost() / 2);
        Settled.machine();
        StorageWatch sweep = new StorageWatch(series.sensorId(), after);
        check(api.patchSensor(series.sensorId(), "{\"retention\":\"P" + retentionDays + "D\"}").status() == 200,
                "setting the 1 Hz sensor's retention failed");
        List<ConcurrentBatches.Sent> during = new ArrayList<>();
        long roundsEnded;
        try {
            sweep.start();
            while (!sweep.done() && during.size() < settings.sweepRoundsAtMost()) {
                during.add(send(rounds.next()));
            }
            roundsEnded = System.nanoTime();
            sweep.join(LONGEST.toMillis());
        } finally {
            sweep.interrupt();
        }
        Settled.machine();
        List<ConcurrentBatches.Sent> without = withoutSweep(series, rounds, during.size());
        report(new ConcurrentBatches.Rounds(ahead), new ConcurrentBatches.Rounds(during),
                new ConcurrentBatches.Rounds(without), sweep, roundsEnded - sweep.doneNanos,
                before - readings(series.sensorId()), days);
    }

    /**
     * Rounds without a sweep, with the same polls of /storage as the sweep's side had: each reads every header of
     * the 1 Hz sensor (14 ms for 6,000 blocks, measured in MariaDB), a load that only one side would carry otherwise.
     */
    private List<ConcurrentBatches.Sent> withoutSweep(ReadingSeries series, Iterator<List<Slice>> rounds, int count)
            throws Exception {
        List<ConcurrentBatches.Sent> sent = new ArrayList<>();
        StorageWatch samePolls = new StorageWatch(series.sensorId(), Long.MIN_VALUE);
        samePolls.start();
        try {
            while (sent.size() < count) {
                sent.add(send(rounds.next()));
            }
        } finally {
            samePolls.interrupt();
        }
        return sent;
    }

    private ConcurrentBatches.Sent send(List<Slice> round) throws Exception {
        List<Body> bodies = Body.of(round, Slice::json);
        ConcurrentBatches.Sent sent = ConcurrentBatches.send(ConcurrentBatches.shared(
                body -> ServiceClient.inserted(api.postReadings(body.bytes())), settings.clients()), bodies);
        long expected = bodies.stream().mapToLong(Body::readings).sum();
        check(sent.written() == expected, String.format(Locale.ROOT, "beside the sweep %,d of %,d readings were "
                + "reported written", sent.written(), expected));
        return sent;
    }

    private void report(ConcurrentBatches.Rounds ahead, ConcurrentBatches.Rounds during,
            ConcurrentBatches.Rounds without, StorageWatch sweep, long roundsOverran, long removed, int days) {
        Latencies first = ahead.batchMillis();
        Latencies busy = during.batchMillis();
        Latencies idle = without.batchMillis();
        String sweepTook = sweep.tookNanos() < 0 ? "**not done within " + LONGEST.toMinutes() + " min**"
                : String.format(Locale.ROOT, "%.1f s", sweep.tookNanos() / 1e9);
        table.row(String.format(Locale.ROOT, "ingest while the retention sweep removes %,d readings (%d days of the "
                        + "1 Hz sensor), batches of %,d from %d clients", removed, days, settings.batchSize(),
                        settings.clients()),
                String.format(Locale.ROOT, "a batch **%s** (%,d batches in %s, %,.0f readings/s); the sweep "
                        + "took %s", busy.p50p99(), busy.count(), rounds(during), during.perSecond(), sweepTook),
                "", String.format(Locale.ROOT, "p99 **%.2f**× without (after); %.2f× the rounds before",
                        busy.percentile(99) / idle.percentile(99), busy.percentile(99) / first.percentile(99)),
                "p99 ≤ 1.5× without");
        table.row("ingest without a sweep, before it: the same sensors' rounds",
                String.format(Locale.ROOT, "a batch **%s** (%,d batches in %s, %,.0f readings/s)",
                        first.p50p99(), first.count(), rounds(ahead), ahead.perSecond()), "", "", "");
        table.row("ingest without a sweep, right after: the same sensors' next rounds",
                String.format(Locale.ROOT, "a batch **%s** (%,d batches in %s, %,.0f readings/s)",
                        idle.p50p99(), idle.count(), rounds(without), without.perSecond()), "", "", "");
        table.note(String.format(Locale.ROOT, "Ingest beside the sweep: the server sweeps every %s "
                        + "(SENSORS_RETENTION_SWEEP_EVERY); after an untimed round and %d rounds without a sweep, the "
                        + "1 Hz sensor's retention is set (PATCH) once the machine is idle, and JSON rounds of %,d "
                        + "readings a sensor to %d sensors of their own follow until its /storage (polled every %d ms) "
                        + "counts the removed readings gone: the sweep's time runs from the PATCH to that poll; %s. "
                        + "Then, once idle again, as many rounds without a sweep. /storage is polled as often on "
                        + "every side. Rounds are rendered between rounds; p50 and p99 are over every batch of a side.",
                settings.sweepEvery(), ahead.each().size(), settings.readingsPerSensor(), settings.sensors(),
                POLL.toMillis(),
                !sweep.done() ? "the rounds ran out first"
                        : String.format(Locale.ROOT, "the last round ended %.1f s after it", roundsOverran / 1e9)));
    }

    private static String rounds(ConcurrentBatches.Rounds rounds) {
        return rounds.each().size() == 1 ? "1 round" : rounds.each().size() + " rounds";
    }

    /** The readings a sensor holds, by its {@code /storage}; -1 where that failed. */
    private long readings(String sensorId) {
        ServiceClient.Timed storage = api.get("sensors/" + sensorId + "/storage");
        return storage.status() == 200 ? storage.object().getJsonNumber("readings").longValue() : -1;
    }

    private void check(boolean holds, String what) {
        if (!holds) {
            table.note("**check failed**: " + what);
        }
    }

    /**
     * Polls a sensor's {@code /storage} until it holds no more than {@code target} readings: the sweep is done; with
     * {@link Long#MIN_VALUE}, until interrupted.
     */
    private final class StorageWatch extends Thread {

        private final String sensorId;
        private final long target;
        private final long start = System.nanoTime();
        private volatile long doneNanos = -1;

        StorageWatch(String sensorId, long target) {
            super("sweep-watch");
            setDaemon(true);
            this.sensorId = sensorId;
            this.target = target;
        }

        @Override
        public void run() {
            try {
                for (long stored = readings(sensorId); stored < 0 || stored > target; stored = readings(sensorId)) {
                    Thread.sleep(POLL.toMillis());
                }
                doneNanos = System.nanoTime();
            } catch (InterruptedException e) {
                // the rounds ended and the sweep was waited for long enough
            }
        }

        boolean done() {
            return doneNanos >= 0;
        }

        /** From the PATCH to the poll that found the readings gone; -1 if none did. */
        long tookNanos() {
            return done() ? doneNanos - start : -1;
        }

    }
}
