package sensorhub.reliability;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import sensorhub.reliability.ApiTraffic.Answer;
import sensorhub.reliability.StoredReadings.Verdict;

/**
 * Ingest from {@code cluster.clients} clients through HAProxy while instance 2 is killed with SIGKILL and started
 * again, and then the writer node (node 1) is killed with SIGKILL and rejoins. Clients send a batch again after a
 * 503, a broken connection, a timeout or another 5xx until it is acknowledged. Meanwhile readers ask for daily
 * statistics of readings stored before, in many zones, so that they are computed during the failover. Then, in
 * the database: every acknowledged reading stored exactly once, the nodes alike, and each statistic answered
 * equal to numpy's on the stored values.
 */
final class FailoverPhase {

    static final LocalDate INGEST_DAY = LocalDate.parse("2026-05-01");
    static final LocalDate FIRST_STATISTICS_DAY = LocalDate.parse("2026-03-01");
    static final int STATISTICS_DAYS = 3;
    static final int READINGS_PER_STATISTICS_DAY = 2000;

    private final int clients = Integer.getInteger("cluster.clients", 8);
    private final int readers = Integer.getInteger("cluster.readers", 2);
    private final int settleSeconds = Integer.getInteger("cluster.settleSeconds", 8);
    private final int downSeconds = Integer.getInteger("cluster.downSeconds", 5);

    private final Report report;
    private final GaleraCluster cluster;
    private final ClusterSuite suite;
    private final ApiTraffic ingest;
    private final ApiTraffic reads;
    private final List<String> ingestSensors = new ArrayList<>();
    private final List<String> statisticsSensors = List.of("cluster-stats-a", "cluster-stats-b");
    private final List<String> zones = zones();
    private final BatchSender sender;
    private final Map<String, List<JsonObject>> answeredDays = new ConcurrentHashMap<>();
    private final List<Ledger> ledgers = new ArrayList<>();
    private volatile boolean stopped;
    private volatile long start;
    /** When instance 2 and node 1 were killed and back, and HAProxy's view of it: repeated with a failure. */
    private String timeline = "";
    private String serverChanges = "";

    FailoverPhase(Report report, GaleraCluster cluster, ClusterSuite suite, String adminKey) {
        this.report = report;
        this.cluster = cluster;
        this.suite = suite;
        URI proxy = URI.create("http://127.0.0.1:" + GaleraCluster.HTTP_PORT + "/");
        var http = ApiTraffic.newHttpClient();
        this.ingest = new ApiTraffic(http, proxy, adminKey, Duration.ofSeconds(10));
        this.reads = new ApiTraffic(http, proxy, adminKey, Duration.ofSeconds(10));
        this.sender = new BatchSender(ingest, 100, () -> stopped);
        for (int i = 0; i < clients; i++) {
            ingestSensors.add(String.format("cluster-ingest-%02d", i));
        }
    }

    /** Every 10th zone id in sorted order, UTC first: zones of all offsets, each a day window of its own. */
    private static List<String> zones() {
        List<String> all = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        List<String> some = new ArrayList<>(List.of("UTC"));
        for (int i = 0; i < all.size(); i += 10) {
            some.add(all.get(i));
        }
        return some;
    }

    void run() throws Exception {
        registerSensors();
        storeStatisticsReadings();
        ExecutorService pool = Executors.newFixedThreadPool(clients + readers);
        List<Client> running = new ArrayList<>();
        start = System.nanoTime();
        Instant startedAt = Instant.now();
        long instanceKilled;
        long instanceReady;
        long nodeKilled;
        long nodeRestarted;
        long nodeSynced;
        try {
            for (int c = 0; c < clients; c++) {
                Client client = new Client(c);
                running.add(client);
                pool.execute(client);
            }
            for (int r = 0; r < readers; r++) {
                int reader = r;
                pool.execute(() -> readStatistics(reader));
            }
            Thread.sleep(settleSeconds * 1000L);
            instanceKilled = System.nanoTime();
            suite.instance(2).kill();
            suite.launch(2, true);
            instanceReady = System.nanoTime();
            Thread.sleep(settleSeconds * 1000L);
            nodeKilled = System.nanoTime();
            cluster.killNode(1);
            Thread.sleep(downSeconds * 1000L);
            nodeRestarted = System.nanoTime();
            cluster.startNode(1);
            nodeSynced = System.nanoTime();
            Thread.sleep(settleSeconds * 1000L);
        } finally {
            stopped = true;
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
        long end = System.nanoTime();
        for (Client client : running) {
            if (client.failure != null) {
                throw new IllegalStateException("An ingest client failed", client.failure);
            }
            ledgers.add(client.ledger);
        }
        cluster.awaitSynced();

        List<Exchange> exchanges = new ArrayList<>(ingest.exchanges());
        report.requests("failover ingest", exchanges);
        report.requests("failover statistics", reads.exchanges());
        exchanges.addAll(reads.exchanges());
        timeline = String.format(Locale.ROOT, "instance 2 killed at +%s, ready again at +%s; node 1 (the writer) "
                        + "killed at +%s, started at +%s, synced at +%s (rejoin %s)",
                Report.seconds(instanceKilled - start), Report.seconds(instanceReady - start),
                Report.seconds(nodeKilled - start), Report.seconds(nodeRestarted - start),
                Report.seconds(nodeSynced - start), Report.seconds(nodeSynced - nodeRestarted));
        report.line(String.format(Locale.ROOT, "failover: %d ingest clients and %d readers through HAProxy for %s; %s",
                clients, readers, Report.seconds(end - start), timeline));
        List<String> changes = cluster.serverChanges(startedAt, Instant.now());
        serverChanges = changes.isEmpty() ? "none" : String.join("; ", changes);
        report.line("failover: HAProxy's server changes: " + serverChanges);
        window("instance 2 killed", exchanges, instanceKilled, nodeKilled);
        window("node 1 killed", exchanges, nodeKilled, end);
        long status500 = exchanges.stream().filter(e -> e.status() == 500).count();
        report.check(status500 > 0, "failover: 500 answers (the service's own failures): " + status500
                + (status500 == 0 ? "" : " (" + Report.byRoute(exchanges.stream().filter(e -> e.status() == 500)
                .toList()) + ")"));
        long lastSeconds = 3;
        long lateFailures = exchanges.stream().filter(Exchange::failed)
                .filter(e -> e.answeredNanos() > end - lastSeconds * 1_000_000_000L).count();
        report.check(lateFailures > 0, "failover: failed answers in the last " + lastSeconds + " s, all back: "
                + lateFailures);
        report.line("failover: batches sent again after a 503, a broken connection, a timeout or another 5xx: "
                + sender.retried());
        Ledger ledger = Ledger.merged(ledgers);
        report.check(ledger.wrongAcknowledgements() > 0, "failover: 201 answers whose inserted + unchanged is not "
                + "the batch size: " + ledger.wrongAcknowledgements());
        verifyStored(ledger, running);
        nodesAlike();
        statisticsAgainstNumpy();
    }

    /** How many answers failed after the event, and after how long they stopped failing. */
    private void window(String event, List<Exchange> exchanges, long from, long to) {
        List<Exchange> in = exchanges.stream().filter(e -> e.answeredNanos() >= from && e.answeredNanos() < to)
                .toList();
        List<Exchange> failed = in.stream().filter(Exchange::failed).toList();
        Optional<Long> lastFailure = failed.stream().map(Exchange::answeredNanos).max(Long::compare);
        report.line(String.format(Locale.ROOT, "failover, %s: %d of %d answers failed (%s); error-free from %s "
                        + "after the kill", event, failed.size(), in.size(),
                failed.isEmpty() ? "none" : Report.statuses(failed),
                lastFailure.map(t -> Report.seconds(t - from)).orElse("0 s")));
    }

    private void registerSensors() {
        List<String> ids = new ArrayList<>(ingestSensors);
        ids.addAll(statisticsSensors);
        StringBuilder json = new StringBuilder("[");
        for (String id : ids) {
            json.append(json.length() > 1 ? "," : "").append("{\"id\":\"").append(id)
                    .append("\",\"name\":\"cluster\",\"type\":\"t\",\"unit\":\"u\",\"location\":\"cluster\"}");
        }
        Answer answer = ingest.post(Route.CREATE_SENSORS, "sensors", "application/json", json.append(']').toString());
        if (answer.status() != 201) {
            throw new IllegalStateException("Registering the sensors failed: " + answer.status() + " " + answer.body());
        }
    }

    /** Readings of the statistics sensors, stored before the failover and not written during it. */
    private void storeStatisticsReadings() {
        Random random = new Random(7);
        for (int s = 0; s < statisticsSensors.size(); s++) {
            for (int d = 0; d < STATISTICS_DAYS; d++) {
                long dayStart = ClusterSuite.startMicros(FIRST_STATISTICS_DAY.plusDays(d));
                long[] micros = new long[READINGS_PER_STATISTICS_DAY];
                double[] values = new double[micros.length];
                for (int i = 0; i < micros.length; i++) {
                    micros[i] = dayStart + (long) i * (StoredReadings.DAY_MICROS / micros.length)
                            + random.nextInt(1000);
                    values[i] = Math.round((15 + 10 * random.nextGaussian()) * 1000) / 1000.0;
                }
                Batch batch = new Batch(s, statisticsSensors.get(s), micros, values);
                Answer answer = ingest.post(Route.POST_READINGS_JSON, "sensor_values", "application/json",
                        batch.json());
                if (answer.status() != 201) {
                    throw new IllegalStateException("Storing the statistics readings failed: " + answer.status());
                }
            }
        }
    }

    /** Asks for the statistics sensors' days in zone after zone: each zone's days are computed when first asked. */
    private void readStatistics(int reader) {
        Random random = new Random(500 + reader);
        int next = reader;
        while (!stopped) {
            String sensor = statisticsSensors.get(random.nextInt(statisticsSensors.size()));
            String zone = zones.get(next++ % zones.size());
            Answer answer = reads.get(Route.AGGREGATION_RANGE, "sensors/" + sensor + "/daily_aggregations?from="
                    + FIRST_STATISTICS_DAY + "&to=" + FIRST_STATISTICS_DAY.plusDays(STATISTICS_DAYS - 1) + "&zone="
                    + URLEncoder.encode(zone, StandardCharsets.UTF_8));
            if (answer.status() == 200) {
                for (JsonObject day : answer.array().getValuesAs(JsonObject.class)) {
                    answeredDays.computeIfAbsent(sensor + " " + zone + " " + day.getString("date"),
                            k -> Collections.synchronizedList(new ArrayList<>())).add(day);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void verifyStored(Ledger ledger, List<Client> running) throws SQLException {
        Verdict verdict;
        try (Connection connection = cluster.connect(2)) {
            verdict = StoredReadings.check(connection, ingestSensors, ledger.acknowledged, ledger.inDoubt,
                    ledger.refused);
        }
        report.line(String.format(Locale.ROOT, "failover: acknowledged readings %,d; rows stored %,d; readings "
                        + "refused (4xx/503) %,d, in doubt (no answer or other 5xx) %,d of which stored %,d",
                verdict.acknowledged(), verdict.stored(), ledger.refused.size(), ledger.inDoubt.size(),
                verdict.storedInDoubt()));
        report.check(verdict.acknowledged() == 0, "failover: readings acknowledged at all: " + verdict.acknowledged());
        report.check(verdict.missing() > 0, "failover: acknowledged readings missing: " + verdict.missing()
                + (verdict.missing() == 0 ? "" : "; their batches: " + batchesOf(verdict.someMissing(), running)
                        + "; the failover: " + timeline + "; HAProxy's server changes: " + serverChanges));
        report.check(verdict.wrongValue() > 0, "failover: acknowledged readings stored with another value: "
                + verdict.wrongValue());
        report.check(verdict.duplicates() > 0, "failover: readings stored more than once: " + verdict.duplicates());
        report.check(verdict.storedRefused() + verdict.unexpected() > 0, "failover: rows stored though their batch "
                + "was refused: " + verdict.storedRefused() + "; rows never sent: " + verdict.unexpected());
    }

    /** The batches that the missing readings came in, with what each attempt of them was answered, and when. */
    private String batchesOf(List<long[]> missing, List<Client> running) {
        long startMicros = ClusterSuite.startMicros(INGEST_DAY);
        Set<String> named = new LinkedHashSet<>();
        for (long[] reading : missing) {
            long slot = (reading[1] - startMicros) / 1_000_000;
            Client client = running.get((int) (slot % clients));
            for (Sent sent : client.sent) {
                if (sent.sensor() == reading[0] && slot >= sent.firstSlot() && slot <= sent.lastSlot()) {
                    named.add(sent.describe());
                }
            }
            if (named.size() >= 5) {
                break;
            }
        }
        return String.join("; ", named) + "; the other batches with readings of that sensor in the hour of the "
                + "first missing one: " + String.join("; ", writersOfHour(missing.get(0), running, named));
    }

    /** The batches of any client with readings of the reading's sensor in the reading's hour, but those named. */
    private List<String> writersOfHour(long[] reading, List<Client> running, Set<String> named) {
        long startMicros = ClusterSuite.startMicros(INGEST_DAY);
        long hour = (reading[1] - startMicros) / 3_600_000_000L;
        List<String> writers = new ArrayList<>();
        for (Client client : running) {
            for (Sent sent : client.sent) {
                String described = sent.describe();
                if (sent.sensor() == reading[0] && sent.firstSlot() / 3600 <= hour && hour <= sent.lastSlot() / 3600
                        && !named.contains(described)) {
                    writers.add(described);
                }
            }
        }
        return writers;
    }

    /** A batch a client sent: its sensor, its slots, and each attempt's status and time after the phase's start. */
    private record Sent(int sensor, String sensorId, long firstSlot, long lastSlot, int size, String attempts) {
        String describe() {
            return sensorId + ", " + size + " readings, slots " + firstSlot + "-" + lastSlot + ": " + attempts;
        }
    }

    /** The three nodes hold the same readings: the same blocks, byte for byte. */
    private void nodesAlike() throws SQLException {
        List<String> sums = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            try (Connection connection = cluster.connect(node); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT COUNT(*), SUM(reading_count), "
                            + "SUM(CRC32(readings)) FROM reading_blocks")) {
                row.next();
                sums.add(row.getLong(1) + " blocks, " + row.getLong(2) + " readings, crc " + row.getLong(3));
            }
        }
        report.check(sums.stream().distinct().count() != 1, "failover: the nodes alike after the rejoin: "
                + String.join(" | ", sums));
    }

    /**
     * Every statistic answered during the failover against the stored values of its day in its zone: count, min
     * and max exactly, quartiles bit for bit and the mean within 1e-12 against numpy; repeated answers of one day
     * identical.
     */
    private void statisticsAgainstNumpy() throws Exception {
        List<String> names = new ArrayList<>(answeredDays.keySet());
        names.sort(null);
        List<double[]> values = new ArrayList<>();
        List<DaySummary> answered = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        int answers = 0;
        try (Connection connection = cluster.connect(3)) {
            for (String name : names) {
                List<JsonObject> days = answeredDays.get(name);
                answers += days.size();
                String[] parts = name.split(" ");
                ZoneId zone = ZoneId.of(parts[1]);
                LocalDate date = LocalDate.parse(parts[2]);
                long from = date.atStartOfDay(zone).toEpochSecond() * 1_000_000;
                long to = date.plusDays(1).atStartOfDay(zone).toEpochSecond() * 1_000_000;
                double[] stored = StoredReadings.values(connection, parts[0], from, to);
                DaySummary summary = DaySummary.from(days.get(0));
                if (days.stream().map(DaySummary::from).distinct().count() != 1) {
                    differences.add(name + ": answered differently " + days.size() + " times");
                }
                String exact = stored.length == 0 ? "no stored values" : summary.differencesFrom(DaySummary.of(stored));
                if (!exact.isEmpty()) {
                    differences.add(name + ": " + exact);
                }
                values.add(stored);
                answered.add(summary);
            }
        }
        report.check(names.isEmpty() || !differences.isEmpty(), "statistics during the failover: " + answers
                + " days answered (" + names.size() + " distinct sensor-zone-days, " + zones.size() + " zones), "
                + "against the stored values: " + (differences.isEmpty() ? "all equal" : String.join("; ",
                differences.subList(0, Math.min(5, differences.size())))));
        if (!NumpyCheck.available()) {
            report.line("statistics: numpy comparison skipped: python3 with numpy is not available");
            return;
        }
        Optional<List<double[]>> numpy = NumpyCheck.quartilesAndMeans(values, cluster.work());
        if (numpy.isEmpty()) {
            report.fail("statistics: python3 with numpy failed; see " + cluster.work().resolve("numpy-err.txt"));
            return;
        }
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] q = numpy.get().get(i);
            DaySummary service = answered.get(i);
            String difference = service.differencesFrom(new DaySummary(service.count(), service.min(), q[0], q[1],
                    q[2], service.max(), q[3]));
            if (!difference.isEmpty()) {
                mismatches.add(names.get(i) + ": " + difference);
            }
        }
        report.check(!mismatches.isEmpty(), "statistics during the failover against real numpy (percentile "
                + "[25, 50, 75] bit for bit, mean within " + DaySummary.MEAN_TOLERANCE + "), " + names.size()
                + " days: " + (mismatches.isEmpty() ? "all equal" : String.join("; ",
                mismatches.subList(0, Math.min(5, mismatches.size())))));
    }

    /** Each attempt's status, when it came after the phase's start, which instance answered, and a 201's counts. */
    private String described(List<BatchSender.Attempt> attempts) {
        StringBuilder text = new StringBuilder();
        for (BatchSender.Attempt attempt : attempts) {
            int status = attempt.answer().status();
            text.append(text.length() == 0 ? "" : ", ").append(status).append(" at +")
                    .append(Report.seconds(attempt.answeredNanos() - start)).append(" via ")
                    .append(attempt.answer().servedBy()).append(status == 201 ? " " + attempt.answer().body() : "");
        }
        return text.toString();
    }

    /** One ingest client: a batch at a time, sent until acknowledged or refused for good, or the phase ends. */
    private final class Client implements Runnable {

        private final int index;
        private final Random random;
        private final Ledger ledger = new Ledger();
        private final List<Sent> sent = new ArrayList<>();
        private long seq;
        private volatile Throwable failure;

        Client(int index) {
            this.index = index;
            this.random = new Random(2000 + index);
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    ingestOneBatch();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        private void ingestOneBatch() throws InterruptedException {
            // a hot sensor shared by all clients, so that one block is written through several instances at once
            int sensor = random.nextInt(3) == 0 ? 0 : random.nextInt(ingestSensors.size());
            Batch batch = Batch.next(sensor, ingestSensors.get(sensor), 20 + random.nextInt(481),
                    ClusterSuite.startMicros(INGEST_DAY), index, clients, seq, random);
            seq += batch.size();
            long firstSlot = seq - batch.size();
            List<BatchSender.Attempt> attempts = sender.send(batch, random.nextInt(4) == 0, ledger);
            sent.add(new Sent(sensor, batch.sensorId(), firstSlot * clients + index,
                    (firstSlot + batch.size() - 1) * clients + index, batch.size(), described(attempts)));
        }
    }
}
