package sensorhub.reliability;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import sensorhub.reliability.ApiTraffic.Answer;
import sensorhub.reliability.StoredReadings.Verdict;

/**
 * The retention sweep across instances, under ingest: a sensor with many weeks of old readings (many steps of the
 * sweep's 500 blocks) gets a retention while clients ingest recent readings into it through HAProxy; the instance
 * holding the sweep's lease is killed with SIGKILL after the sweep's first step, another instance must take the
 * lease over once it expired and finish the sweep. Then, on every node: the readings before the sensor's
 * {@code swept_before} gone, each removed hour rolled up once with what it held, every reading after it (stored
 * before or acknowledged during the sweep) still there; through the service: the daily statistics (UTC and
 * Berlin) and the hourly and daily series of the removed range answered byte for byte as before, and what needs
 * the removed readings 410.
 *
 * <p>The instances sweep every second and keep Berlin's statistics besides UTC's ({@link ClusterSuite#launch}).
 */
final class RetentionPhase {

    static final String SENSOR = "cluster-retention";
    static final String RETENTION = "P3D";
    static final String BERLIN = "Europe/Berlin";
    private static final long HOUR_MICROS = 3_600_000_000L;
    private static final long DAY_MICROS = 24 * HOUR_MICROS;
    private static final Duration RETENTION_DURATION = Duration.parse(RETENTION);
    private static final String LEASE = "retention-sweep";
    private static final String HOLDER_LOGGED = "this instance's lease holder id: ";
    /** Days a request of daily statistics or hourly series asks for (the service allows 366 days, 10,000 buckets). */
    private static final int DAYS_PER_READ = 300;
    private static final int DAYS_PER_BATCH = 20;

    private final int oldDays = Integer.getInteger("cluster.retentionOldDays", 300);
    private final int readingsPerHour = Integer.getInteger("cluster.retentionReadingsPerHour", 6);
    private final int clients = Integer.getInteger("cluster.retentionClients", 2);
    private final int batchSize = Integer.getInteger("cluster.retentionBatch", 50);
    private final long pauseMillis = Long.getLong("cluster.retentionPauseMillis", 250);
    private final Duration takeoverLimit = Duration.ofSeconds(Long.getLong("cluster.takeoverSeconds", 90));
    /** The sweep pauses nine times each step's time after it: 72 steps took 38.1 s after the takeover in CI. */
    private final Duration finishLimit = Duration.ofSeconds(180);

    private final Report report;
    private final GaleraCluster cluster;
    private final ClusterSuite suite;
    private final ApiTraffic setup;
    private final ApiTraffic ingest;
    private final ApiTraffic reads;
    private final ApiTraffic gone;
    private final BatchSender setupSender;
    private final BatchSender sender;
    private volatile boolean stopped;

    /** The readings of the sensor stored before the retention was set, as {micros, value bits}, by hour. */
    private final Map<Long, List<long[]>> writtenByHour = new TreeMap<>();
    private final ReadingLog written = new ReadingLog();

    RetentionPhase(Report report, GaleraCluster cluster, ClusterSuite suite, String adminKey) {
        this.report = report;
        this.cluster = cluster;
        this.suite = suite;
        URI proxy = URI.create("http://127.0.0.1:" + GaleraCluster.HTTP_PORT + "/");
        var http = ApiTraffic.newHttpClient();
        this.setup = new ApiTraffic(http, proxy, adminKey, Duration.ofSeconds(30));
        this.ingest = new ApiTraffic(http, proxy, adminKey, Duration.ofSeconds(10));
        this.reads = new ApiTraffic(http, proxy, adminKey, Duration.ofSeconds(30));
        this.gone = new ApiTraffic(http, proxy, adminKey, Duration.ofSeconds(30));
        this.setupSender = new BatchSender(setup, 100, () -> false);
        this.sender = new BatchSender(ingest, 100, () -> stopped);
    }

    void run() throws Exception {
        long begin = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate oldStart = today.minusDays(7L + oldDays);
        // the range compared before and after: wholly before the least swept_before this phase can reach
        LocalDate comparedEnd = today.minusDays(4);
        register();
        writeOld(oldStart, today.minusDays(7));
        writeRecent(today.minusDays(5));
        Map<String, String> before = answers(oldStart, comparedEnd);
        report.line(String.format(Locale.ROOT, "retention: sensor %s with %,d readings (%d a hour from %s to %s, "
                        + "then one every 10 min from %s on) and %d reads of its statistics and series, set up in %s",
                SENSOR, written.size(), readingsPerHour, oldStart, today.minusDays(7), today.minusDays(5),
                before.size(), Report.seconds(System.nanoTime() - begin)));

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Client> running = new ArrayList<>();
        Sweep sweep;
        try {
            long ingestStart = ClusterSuite.startMicros(today.minusDays(2));
            for (int c = 0; c < clients; c++) {
                Client client = new Client(c, ingestStart);
                running.add(client);
                pool.execute(client);
            }
            Thread.sleep(1000);
            sweep = sweepWithKill();
            Thread.sleep(1000);
        } finally {
            stopped = true;
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
        List<Ledger> ledgers = new ArrayList<>();
        for (Client client : running) {
            if (client.failure != null) {
                throw new IllegalStateException("A retention ingest client failed", client.failure);
            }
            ledgers.add(client.ledger);
        }
        cluster.awaitSynced();
        report.requests("retention setup", setup.exchanges());
        report.requests("retention ingest", ingest.exchanges());
        if (sweep != null) {
            verify(sweep, Ledger.merged(ledgers), before, oldStart);
        }
        report.requests("retention reads", reads.exchanges());
        report.requests("retention gone", gone.exchanges());
        report.line("retention: phase took " + Report.seconds(System.nanoTime() - begin)
                + " (the lease's minute unrenewed included)");
    }

    // ------------------------------------------------------------------ before the retention

    private void register() {
        Answer answer = setup.post(Route.CREATE_SENSORS, "sensors", "application/json", "[{\"id\":\"" + SENSOR
                + "\",\"name\":\"retention\",\"type\":\"t\",\"unit\":\"u\",\"location\":\"cluster\"}]");
        if (answer.status() != 201) {
            throw new IllegalStateException("Registering " + SENSOR + " failed: " + answer.status() + " "
                    + answer.body());
        }
    }

    /** {@code readingsPerHour} readings in every hour of the old range, each at a random instant of its slot. */
    private void writeOld(LocalDate from, LocalDate to) throws InterruptedException {
        Random random = new Random(21);
        long slotMicros = HOUR_MICROS / readingsPerHour;
        int n = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(DAYS_PER_BATCH)) {
            LocalDate end = day.plusDays(DAYS_PER_BATCH).isBefore(to) ? day.plusDays(DAYS_PER_BATCH) : to;
            long start = ClusterSuite.startMicros(day);
            int count = (int) ((ClusterSuite.startMicros(end) - start) / slotMicros);
            long[] micros = new long[count];
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                micros[i] = start + i * slotMicros + (long) (random.nextDouble() * slotMicros);
                values[i] = value(random, n++);
            }
            store(new Batch(0, SENSOR, micros, values));
        }
    }

    /** One reading every 10 minutes from {@code from} until an hour ago: across the swept_before to come. */
    private void writeRecent(LocalDate from) throws InterruptedException {
        Random random = new Random(22);
        long start = ClusterSuite.startMicros(from);
        long end = (System.currentTimeMillis() - 3_600_000) * 1000;
        int count = (int) ((end - start) / 600_000_000L);
        long[] micros = new long[count];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            // half a second and odd microseconds past the minute: never an instant of the ingest clients
            micros[i] = start + i * 600_000_000L + 500_123;
            values[i] = value(random, i);
        }
        store(new Batch(0, SENSOR, micros, values));
    }

    /** Values to the thousandth, never 0.0 (so that min and max are one value), and -0.0 now and then. */
    private static double value(Random random, int n) {
        if (n % 997 == 0) {
            return -0.0;
        }
        double value = Math.round((12 + 8 * random.nextGaussian()) * 1000) / 1000.0;
        return value == 0.0 ? 0.125 : value;
    }

    private void store(Batch batch) throws InterruptedException {
        Ledger ledger = new Ledger();
        setupSender.send(batch, false, ledger);
        if (ledger.acknowledged.size() != batch.size()) {
            throw new IllegalStateException("Storing the retention sensor's readings failed; see the setup row");
        }
        written.add(batch);
        for (int i = 0; i < batch.size(); i++) {
            writtenByHour.computeIfAbsent(Math.floorDiv(batch.micros(i), HOUR_MICROS) * HOUR_MICROS,
                    h -> new ArrayList<>()).add(new long[] {batch.micros(i),
                    Double.doubleToRawLongBits(batch.value(i))});
        }
    }

    /**
     * The answers that must not change when the readings go: daily statistics in UTC and Berlin, hourly series in
     * UTC and daily series in Berlin of {@code [from, to)}, by request path.
     */
    private Map<String, String> answers(LocalDate from, LocalDate to) {
        Map<String, String> answers = new LinkedHashMap<>();
        String sensor = "sensors/" + SENSOR;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(DAYS_PER_READ)) {
            LocalDate end = day.plusDays(DAYS_PER_READ).isBefore(to) ? day.plusDays(DAYS_PER_READ) : to;
            String days = "?from=" + day + "&to=" + end.minusDays(1);
            String range = "?from=" + day + "T00:00:00Z&to=" + end + "T00:00:00Z";
            answers.put(sensor + "/daily_aggregations" + days, null);
            answers.put(sensor + "/daily_aggregations" + days + "&zone=" + BERLIN, null);
            answers.put(sensor + "/series" + range + "&bucket=PT1H", null);
            answers.put(sensor + "/series" + range + "&bucket=P1D&zone=" + BERLIN, null);
        }
        for (String path : answers.keySet()) {
            Route route = path.contains("/series") ? Route.SERIES : Route.AGGREGATION_RANGE;
            Answer answer = reads.get(route, path);
            if (answer.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer.status() + " " + answer.body());
            }
            answers.put(path, answer.body());
        }
        return answers;
    }

    // ------------------------------------------------------------------ the sweep, its holder killed

    /** How the sweep went: who held the lease, when it was killed and taken over, and how far it swept when. */
    private record Sweep(int killed, long sweptAtKill, long targetAtKill, long killNanos, long patchNanos,
            long firstStepNanos, int takenBy, long sweptUntilTaken, long takeoverNanos, long finishedNanos,
            long sweptBefore) {
    }

    /** The lease's holder and the sensor's swept_before (null: nothing swept), read on node 1. */
    private record State(String holder, Long sweptBefore) {
    }

    private State state(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.swept_before, "
                + "(SELECT l.holder FROM leases l WHERE l.name = ?) FROM sensors s WHERE s.id = ?")) {
            query.setString(1, LEASE);
            query.setString(2, SENSOR);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long swept = row.getLong(1);
                Long sweptBefore = row.wasNull() ? null : swept;
                return new State(row.getString(2), sweptBefore);
            }
        }
    }

    /** Where the sweep must reach now: the UTC midnight a day before the cutoff's day. */
    private static long target() {
        long cutoff = System.currentTimeMillis() * 1000 - RETENTION_DURATION.toSeconds() * 1_000_000;
        return Math.floorDiv(cutoff, DAY_MICROS) * DAY_MICROS - DAY_MICROS;
    }

    /**
     * Sets the retention, kills the lease's holder once the first step is committed, waits for another instance to
     * take the lease over and finish; null (with the failure reported) where it could not go that far.
     */
    private Sweep sweepWithKill() throws Exception {
        try (Connection connection = cluster.connect(1)) {
            long patchNanos = System.nanoTime();
            Answer patched = setup.patch(Route.PATCH_SENSOR, "sensors/" + SENSOR, "{\"retention\":\"" + RETENTION
                    + "\"}");
            if (patched.status() != 200) {
                report.fail("retention: setting the retention answered " + patched.status() + " " + patched.body());
                return null;
            }
            State first = awaitState(connection, s -> s.sweptBefore() != null, Duration.ofSeconds(30));
            long firstStepNanos = System.nanoTime();
            if (first == null) {
                report.fail("retention: the sweep did not take its first step within 30 s of the retention set");
                return null;
            }
            long targetAtKill = target();
            int holder = instanceOf(first.holder());
            if (holder == 0) {
                report.fail("retention: the lease's holder " + first.holder() + " is in no instance's log");
                return null;
            }
            suite.instance(holder).kill();
            long killNanos = System.nanoTime();
            long sweptAtKill = state(connection).sweptBefore();
            long[] sweptUntilTaken = {sweptAtKill};
            State taken = awaitState(connection, s -> {
                boolean moved = !first.holder().equals(s.holder());
                if (!moved) {
                    sweptUntilTaken[0] = s.sweptBefore();
                }
                return moved;
            }, takeoverLimit);
            long takeoverNanos = System.nanoTime();
            int takenBy = taken == null ? 0 : instanceOf(taken.holder());
            State finished = taken == null ? null
                    : awaitState(connection, s -> s.sweptBefore() != null && s.sweptBefore() >= target(),
                    finishLimit);
            long finishedNanos = System.nanoTime();
            long sweptBefore = state(connection).sweptBefore();
            return new Sweep(holder, sweptAtKill, targetAtKill, killNanos, patchNanos, firstStepNanos, takenBy,
                    sweptUntilTaken[0], taken == null ? 0 : takeoverNanos,
                    finished == null ? 0 : finishedNanos, sweptBefore);
        }
    }

    private State awaitState(Connection connection, Predicate<State> reached, Duration limit)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            State now = state(connection);
            if (reached.test(now)) {
                return now;
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** The instance whose log names the holder id (each logs its own at start); 0 for none. */
    private int instanceOf(String holder) throws IOException {
        for (int n = 1; n <= ClusterSuite.INSTANCES; n++) {
            if (holder != null && Files.readString(suite.instance(n).log()).contains(HOLDER_LOGGED + holder)) {
                return n;
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ checks

    private void verify(Sweep sweep, Ledger ledger, Map<String, String> before, LocalDate oldStart)
            throws Exception {
        report.check(sweep.sweptAtKill() >= sweep.targetAtKill(), String.format(Locale.ROOT, "retention: lease "
                        + "holder instance %d killed (SIGKILL) mid-sweep, %s after the retention was set and %s after "
                        + "the first step: swept_before %s of %s then (%d of %d hours to sweep left)",
                sweep.killed(), Report.seconds(sweep.killNanos() - sweep.patchNanos()),
                Report.seconds(sweep.killNanos() - sweep.firstStepNanos()), iso(sweep.sweptAtKill()),
                iso(sweep.targetAtKill()), (sweep.targetAtKill() - sweep.sweptAtKill()) / HOUR_MICROS,
                (sweep.targetAtKill() - ClusterSuite.startMicros(oldStart)) / HOUR_MICROS));
        report.check(sweep.takeoverNanos() == 0 || sweep.takenBy() == 0 || sweep.takenBy() == sweep.killed()
                        || sweep.sweptUntilTaken() != sweep.sweptAtKill(), "retention: lease taken over by instance "
                        + sweep.takenBy() + " " + (sweep.takeoverNanos() == 0 ? "never (limit "
                        + takeoverLimit.toSeconds() + " s)" : Report.seconds(sweep.takeoverNanos()
                        - sweep.killNanos()) + " after the kill") + " (a lease lasts 60 s unrenewed); swept_before "
                        + "until then " + (sweep.sweptUntilTaken() == sweep.sweptAtKill() ? "unmoved"
                        : "moved to " + iso(sweep.sweptUntilTaken()) + " with no holder alive"));
        report.check(sweep.finishedNanos() == 0, "retention: the sweep finished by the new holder: swept_before "
                + iso(sweep.sweptBefore()) + (sweep.finishedNanos() == 0 ? " short of its target after "
                + finishLimit.toSeconds() + " s" : ", " + Report.seconds(sweep.finishedNanos()
                - sweep.takeoverNanos()) + " after the takeover"));
        long swept = sweep.sweptBefore();
        ReadingLog kept = keptReadings(swept, ledger);
        List<String> perNode = new ArrayList<>();
        List<String> rollups = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            try (Connection connection = cluster.connect(node)) {
                long key = sensorKey(connection);
                perNode.add(Long.toString(blocksBefore(connection, key, swept)));
                rollups.add(rollupDifferences(connection, key, swept));
                Verdict verdict = StoredReadings.check(connection, List.of(SENSOR), kept, ledger.inDoubt,
                        ledger.refused);
                stored.add(String.format(Locale.ROOT, "node %d: %,d stored, %d missing, %d other value, %d twice, "
                                + "%d never acknowledged (%d of them in doubt)", node, verdict.stored(),
                        verdict.missing(), verdict.wrongValue(), verdict.duplicates(),
                        verdict.storedInDoubt() + verdict.storedRefused() + verdict.unexpected(),
                        verdict.storedInDoubt()));
                report.check(!verdict.intact(), "retention: node " + node + ": readings from swept_before on ("
                        + "stored before the retention, and acknowledged during the sweep): " + stored.get(
                        stored.size() - 1));
            }
        }
        report.check(!perNode.equals(List.of("0", "0", "0")), "retention: blocks left before swept_before "
                + iso(swept) + " on nodes 1-3: " + String.join(", ", perNode));
        long hours = writtenByHour.keySet().stream().filter(h -> h < swept).count();
        long readings = writtenByHour.entrySet().stream().filter(e -> e.getKey() < swept)
                .mapToLong(e -> e.getValue().size()).sum();
        report.check(rollups.stream().anyMatch(r -> !r.isEmpty()), String.format(Locale.ROOT, "retention: hourly "
                        + "rollups on nodes 1-3: one row for each of the %,d hours removed (%,d readings), with their "
                        + "count, first and last instants, min and max: %s", hours, readings,
                rollups.stream().map(r -> r.isEmpty() ? "all equal" : r).toList()));
        ingestChecks(ledger);
        storage(swept, kept);
        unchanged(before);
        goneAnswers(oldStart);
    }

    /** The readings that must still be there: those stored before at or after swept_before, and the acknowledged. */
    private ReadingLog keptReadings(long sweptBefore, Ledger ledger) {
        ReadingLog kept = new ReadingLog();
        for (int i = 0; i < written.size(); i++) {
            if (written.micros(i) >= sweptBefore) {
                kept.add(0, written.micros(i), written.value(i));
            }
        }
        for (int i = 0; i < ledger.acknowledged.size(); i++) {
            kept.add(0, ledger.acknowledged.micros(i), ledger.acknowledged.value(i));
        }
        return kept;
    }

    private void ingestChecks(Ledger ledger) {
        List<Exchange> exchanges = ingest.exchanges();
        long status500 = exchanges.stream().filter(e -> e.status() == 500).count();
        long refused = exchanges.stream().filter(e -> e.status() >= 400 && e.status() < 500).count();
        report.line(String.format(Locale.ROOT, "retention: ingest of %d clients, batches of %d every %d ms: "
                        + "acknowledged readings %,d; refused (4xx/503) %,d; in doubt %,d; batches sent again %d",
                clients, batchSize, pauseMillis, ledger.acknowledged.size(), ledger.refused.size(),
                ledger.inDoubt.size(), sender.retried()));
        report.check(ledger.acknowledged.size() == 0 || status500 > 0 || refused > 0
                        || ledger.wrongAcknowledgements() > 0, "retention: ingest during the sweep: 500 answers "
                        + status500 + ", 4xx answers " + refused + ", 201s not counting the whole batch "
                        + ledger.wrongAcknowledgements());
    }

    /** {@code /storage}: as many readings as kept, the oldest the first at or after swept_before. */
    private void storage(long sweptBefore, ReadingLog kept) {
        Answer storage = reads.get(Route.STORAGE, "sensors/" + SENSOR + "/storage");
        long oldestKept = Long.MAX_VALUE;
        for (int i = 0; i < kept.size(); i++) {
            oldestKept = Math.min(oldestKept, kept.micros(i));
        }
        if (storage.status() != 200) {
            report.fail("retention: /storage answered " + storage.status() + " " + storage.body());
            return;
        }
        JsonObject answer = storage.object();
        String oldest = answer.getString("oldest", "none");
        boolean oldestRight = !answer.isNull("oldest") && Instant.parse(oldest).equals(instant(oldestKept));
        report.check(answer.getJsonNumber("readings").longValue() != kept.size() || !oldestRight,
                "retention: /storage: readings "
                        + answer.getJsonNumber("readings") + " (" + kept.size() + " kept), oldest " + oldest
                        + " (the first kept: " + Batch.iso(oldestKept) + "; swept_before " + iso(sweptBefore) + ")");
    }

    /** The answers read before the retention, read again: byte for byte the same. */
    private void unchanged(Map<String, String> before) {
        List<String> changed = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, String> read : before.entrySet()) {
            Route route = read.getKey().contains("/series") ? Route.SERIES : Route.AGGREGATION_RANGE;
            Answer after = reads.get(route, read.getKey());
            bytes += read.getValue().length();
            if (after.status() != 200 || !after.body().equals(read.getValue())) {
                changed.add(read.getKey() + ": " + after.status() + " " + firstDifference(read.getValue(),
                        after.body()));
            }
        }
        report.check(!changed.isEmpty(), String.format(Locale.ROOT, "retention: daily statistics (UTC, %s) and "
                        + "series (PT1H in UTC, P1D in %s) of the removed range, %d answers of %,d bytes in all: %s",
                BERLIN, BERLIN, before.size(), bytes, changed.isEmpty() ? "byte for byte as before"
                        : String.join("; ", changed)));
    }

    private static String firstDifference(String before, String after) {
        int i = 0;
        while (i < Math.min(before.length(), after.length()) && before.charAt(i) == after.charAt(i)) {
            i++;
        }
        return "differs at character " + i + ": was …" + before.substring(i, Math.min(before.length(), i + 80))
                + ", now …" + after.substring(i, Math.min(after.length(), i + 80));
    }

    /** What needs the removed readings themselves: 410. */
    private void goneAnswers(LocalDate oldStart) {
        LocalDate day = oldStart.plusDays(1);
        String range = "from=" + day + "T00:00:00Z&to=" + day.plusDays(1) + "T00:00:00Z";
        String sensor = "sensors/" + SENSOR;
        Map<String, Route> needs = new LinkedHashMap<>();
        needs.put(sensor + "/values?" + range, Route.VALUES_RANGE);
        needs.put(sensor + "/statistics?" + range, Route.STATISTICS);
        needs.put(sensor + "/series?" + range + "&bucket=PT1M", Route.SERIES);
        needs.put(sensor + "/series?" + range + "&bucket=PT1H&percentiles=50", Route.SERIES);
        needs.put("sensor_values/" + SENSOR + "/" + day, Route.DAY_VALUES);
        needs.put("daily_aggregations/" + SENSOR + "/" + day + "?zone=America/New_York", Route.DAY_AGGREGATION);
        List<String> other = new ArrayList<>();
        needs.forEach((path, route) -> {
            Answer answer = gone.get(route, path);
            if (answer.status() != 410) {
                other.add(path + ": " + answer.status());
            }
        });
        report.check(!other.isEmpty(), "retention: reads needing removed readings (values, statistics, PT1M and "
                + "percentile series, a day's values, a day in a zone not kept): " + (needs.size() - other.size())
                + " of " + needs.size() + " answered 410" + (other.isEmpty() ? "" : "; " + String.join("; ", other)));
    }

    private static long sensorKey(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT sensor_key FROM sensors WHERE id = ?")) {
            query.setString(1, SENSOR);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long blocksBefore(Connection connection, long key, long sweptBefore) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM reading_blocks WHERE sensor_key = ? AND block_start < ?")) {
            query.setLong(1, key);
            query.setLong(2, sweptBefore);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * The node's rollups of the sensor against the hours written before swept_before: one row each, with their
     * count, first and last instants, and min and max (as {@code Double.compare} orders values); empty if equal.
     */
    private String rollupDifferences(Connection connection, long key, long sweptBefore) throws SQLException {
        Map<Long, long[]> rows = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT hour_start, reading_count, first_micros, "
                + "last_micros, min_bits, max_bits FROM hourly_rollups WHERE sensor_key = ?")) {
            query.setLong(1, key);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getLong(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4),
                            row.getLong(5), row.getLong(6)});
                }
            }
        }
        List<String> differences = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<Long, List<long[]>> hour : writtenByHour.entrySet()) {
            if (hour.getKey() >= sweptBefore) {
                continue;
            }
            long[] row = rows.remove(hour.getKey());
            long[] want = rollup(hour.getValue());
            if (row == null) {
                missing++;
            } else if (!Arrays.equals(row, want) && differences.size() < 3) {
                differences.add(iso(hour.getKey()) + " " + Arrays.toString(row) + " instead of "
                        + Arrays.toString(want));
            }
        }
        if (missing > 0) {
            differences.add(0, missing + " hours without a row");
        }
        if (!rows.isEmpty()) {
            differences.add(0, rows.size() + " rows of hours not removed or without readings, the first "
                    + iso(rows.keySet().iterator().next()));
        }
        return String.join("; ", differences);
    }

    /** What an hour's rollup must hold: count, first and last instants, min and max bits. */
    private static long[] rollup(List<long[]> readings) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (long[] reading : readings) {
            first = Math.min(first, reading[0]);
            last = Math.max(last, reading[0]);
            double value = Double.longBitsToDouble(reading[1]);
            min = Double.compare(value, min) < 0 ? value : min;
            max = Double.compare(value, max) > 0 ? value : max;
        }
        return new long[] {readings.size(), first, last, Double.doubleToRawLongBits(min),
                Double.doubleToRawLongBits(max)};
    }

    private static String iso(long micros) {
        return Batch.iso(micros);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000);
    }

    /** One ingest client: recent readings of the sensor, a batch at a time, with a pause between batches. */
    private final class Client implements Runnable {

        private final int index;
        private final long startMicros;
        private final Random random;
        private final Ledger ledger = new Ledger();
        private long seq;
        private volatile Throwable failure;

        Client(int index, long startMicros) {
            this.index = index;
            this.startMicros = startMicros;
            this.random = new Random(2100 + index);
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    Batch batch = Batch.next(0, SENSOR, batchSize, startMicros, index, clients, seq, random);
                    seq += batch.size();
                    sender.send(batch, random.nextBoolean(), ledger);
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }
}
