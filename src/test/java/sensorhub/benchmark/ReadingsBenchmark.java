package sensorhub.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import sensorhub.benchmark.ReadingSeries.Slice;
import sensorhub.benchmark.ServiceClient.Timed;

/**
 * Issue 3's benchmark: REST ingest against plain JDBC batches, a day's aggregation (first and repeated) against the
 * plain JDBC fetch of that day, a year of daily aggregates in one call, and the server's heap, all in one run
 * against a fresh MariaDB database; prints the table and writes it to {@code target/benchmark.md}.
 *
 * <p>Run by {@code ./mvnw -Pbenchmark verify} (MariaDB must be up, see {@link BenchmarkSettings}); the only
 * argument is the project directory. Figures are printed, never asserted: no run fails on a timing.
 */
public final class ReadingsBenchmark {

    static final Instant INGEST_START = Instant.parse("2026-01-01T00:00:00Z");
    /** The aggregation sensor's first day; the warm-up days and then the measured day follow it. */
    static final LocalDate AGGREGATION_DAY = LocalDate.parse("2026-03-01");
    static final LocalDate RANGE_START = LocalDate.parse("2025-01-01");
    static final long SECOND_MICROS = 1_000_000;
    static final String UNIT = "°C";
    /** Requests sent before each timed series of repeated requests, and not counted. */
    static final int UNTIMED_REPEATS = 20;

    private final BenchmarkSettings settings;
    private final BenchmarkDatabase database;
    private final PayaraServer server;
    private final ServiceClient api;
    private final ResultTable table;
    private Map<String, Long> sensorKeys;

    private ReadingsBenchmark(BenchmarkSettings settings, BenchmarkDatabase database, PayaraServer server,
            ServiceClient api, ResultTable table) {
        this.settings = settings;
        this.database = database;
        this.server = server;
        this.api = api;
        this.table = table;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        ResultTable table = new ResultTable();
        double loadBefore = Machine.loadAverage();
        try {
            BenchmarkDatabase database = BenchmarkDatabase.recreate(settings);
            try (PayaraServer server = PayaraServer.start(project, settings, database, adminKey)) {
                var benchmark = new ReadingsBenchmark(settings, database, server,
                        new ServiceClient(server.base(), adminKey), table);
                benchmark.describeSetting(loadBefore);
                benchmark.run();
            }
        } finally {
            table.line(String.format(Locale.ROOT, "Load average (1 min) %.2f at the start, %.2f at the end.",
                    loadBefore, Machine.loadAverage()));
            System.out.println();
            System.out.println(table.markdown());
            table.writeTo(project.resolve("target/benchmark.md"));
        }
    }

    private void run() throws Exception {
        CpuUse start = CpuUse.now(server.pid());
        try {
            measureAll();
        } finally {
            table.line("Cores used over the whole run: " + CpuUse.now(server.pid()).since(start).cores() + ".");
        }
    }

    private void measureAll() throws Exception {
        List<ReadingSeries> viaRest = ingestSeries("bench-rest-");
        List<ReadingSeries> viaJdbc = ingestSeries("bench-jdbc-");
        ReadingSeries restWarmup = ReadingSeries.of("bench-warmup-rest", INGEST_START, SECOND_MICROS,
                settings.warmupReadings(), 1000);
        ReadingSeries jdbcWarmup = ReadingSeries.of("bench-warmup-jdbc", INGEST_START, SECOND_MICROS,
                settings.warmupReadings(), 1000);
        ReadingSeries day = ReadingSeries.of("bench-day", startOf(AGGREGATION_DAY), settings.dayStepMicros(),
                (settings.aggregationWarmupDays() + 1) * settings.dayReadings(), 2000);
        ReadingSeries year = ReadingSeries.of("bench-year", startOf(RANGE_START), settings.rangeStepMicros(),
                settings.rangeDays() * settings.rangeReadingsPerDay(), 3000);

        List<String> ids = new ArrayList<>();
        for (List<ReadingSeries> group : List.of(viaRest, viaJdbc, List.of(restWarmup, jdbcWarmup, day, year))) {
            group.forEach(series -> ids.add(series.sensorId()));
        }
        api.registerSensors(ids, UNIT);
        sensorKeys = database.sensorKeys(ids);

        measureIngest(viaRest, viaJdbc, restWarmup, jdbcWarmup);
        measureDay(day);
        measureRange(year);
        reportHeapAndFailures();
    }

    /** The ingest data: {@code sensors} sensors, one reading a second each from the same instant. */
    private List<ReadingSeries> ingestSeries(String prefix) {
        return IntStream.range(0, settings.sensors())
                .mapToObj(i -> ReadingSeries.of(prefix + String.format("%02d", i), INGEST_START, SECOND_MICROS,
                        settings.readingsPerSensor(), i))
                .toList();
    }

    private void measureIngest(List<ReadingSeries> viaRest, List<ReadingSeries> viaJdbc, ReadingSeries restWarmup,
            ReadingSeries jdbcWarmup) throws Exception {
        database.insert(ReadingSeries.interleaved(List.of(jdbcWarmup), settings.batchSize()), sensorKeys);
        ingestThroughRest(List.of(restWarmup));

        Ingest jdbc = ingestThroughJdbc(viaJdbc);
        HeapWatch.Sample before = server.heap().now();
        Ingest rest = ingestThroughRest(viaRest);
        HeapWatch.Sample after = server.heap().now();
        HeapWatch.Sample live = server.heap().liveAfterFullGc();

        table.row(String.format(Locale.ROOT, "ingest: %,d readings, %d sensors, batches of %,d, REST from %d clients",
                        rest.expected(), settings.sensors(), settings.batchSize(), settings.clients()),
                String.format(Locale.ROOT, "**%,.0f readings/s** (%.1f s; a batch %s)", rest.perSecond(),
                        rest.nanos() / 1e9, rest.batchMillis().p50p99()),
                String.format(Locale.ROOT, "%,.0f rows/s (%.1f s; 1 writer, rewriteBatchedStatements)",
                        jdbc.perSecond(), jdbc.nanos() / 1e9),
                ratio(rest.perSecond(), jdbc.perSecond()), "≥ 0.5");
        table.row("cores used during the ingest", rest.cpu().cores(), jdbc.cpu().cores(), "", "");
        table.row("CPU time per million rows written", rest.cpu().perMillion(rest.written()),
                jdbc.cpu().perMillion(jdbc.written()), "", "");
        table.row("server heap around the REST ingest",
                String.format(Locale.ROOT, "%s used after it, %s live after a full GC; GC time during it %.1f s",
                        mib(after.usedKib()), mib(live.usedKib()), after.gcSeconds() - before.gcSeconds()),
                "", "", "");
        checkStored(rest, viaRest, "REST");
        checkStored(jdbc, viaJdbc, "JDBC");
    }

    /** What one ingest did: readings written and expected, wall time, each batch's time, and who used the cores. */
    private record Ingest(long written, long expected, long nanos, Latencies batchMillis, CpuUse cpu) {

        double perSecond() {
            return written / (nanos / 1e9);
        }
    }

    private Ingest ingestThroughJdbc(List<ReadingSeries> series) throws Exception {
        List<Slice> slices = ReadingSeries.interleaved(series, settings.batchSize());
        CpuUse start = CpuUse.now(server.pid());
        long nanos = database.insert(slices, sensorKeys);
        long rows = slices.stream().mapToLong(Slice::size).sum();
        return new Ingest(rows, rows, nanos, Latencies.of(List.of()), CpuUse.now(server.pid()).since(start));
    }

    /** Sends the series' batches from {@code clients} threads, each taking the next unsent one, without pause. */
    private Ingest ingestThroughRest(List<ReadingSeries> series) throws Exception {
        List<byte[]> bodies = bodies(series);
        AtomicInteger next = new AtomicInteger();
        List<Double> batchMillis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        try {
            CpuUse cpu = CpuUse.now(server.pid());
            long start = System.nanoTime();
            List<Future<Long>> inserted = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                inserted.add(clients.submit(() -> {
                    long count = 0;
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        Timed answer = api.postReadings(bodies.get(i));
                        batchMillis.add(answer.millis());
                        count += ServiceClient.inserted(answer);
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> client : inserted) {
                total += client.get(1, TimeUnit.HOURS);
            }
            return new Ingest(total, series.stream().mapToLong(ReadingSeries::count).sum(), System.nanoTime() - start,
                    Latencies.of(batchMillis), CpuUse.now(server.pid()).since(cpu));
        } finally {
            clients.shutdownNow();
        }
    }

    private void checkStored(Ingest ingest, List<ReadingSeries> series, String path) throws Exception {
        long stored = database.countReadings(series.stream().map(s -> sensorKeys.get(s.sensorId())).toList());
        check(ingest.written() == ingest.expected() && stored == ingest.expected(), String.format(Locale.ROOT,
                "through %s %,d readings were reported written and %,d stored, of %,d", path, ingest.written(),
                stored, ingest.expected()));
    }

    private List<byte[]> bodies(List<ReadingSeries> series) {
        return ReadingSeries.interleaved(series, settings.batchSize()).stream().map(Slice::json).toList();
    }

    private void measureDay(ReadingSeries day) throws Exception {
        postSequentially(day);
        LocalDate warmDay = AGGREGATION_DAY.plusDays(settings.aggregationWarmupDays());
        Latencies jdbc = Latencies.of(database.timeDayFetch(sensorKeys.get(day.sensorId()), micros(warmDay),
                micros(warmDay.plusDays(1)), settings.jdbcFetchRuns(), settings.dayReadings()));

        List<String> warmupMillis = new ArrayList<>();
        for (LocalDate d = AGGREGATION_DAY; d.isBefore(warmDay); d = d.plusDays(1)) {
            warmupMillis.add(Latencies.millis(checkedDay(api.get("daily_aggregations/" + day.sensorId() + "/" + d))
                    .millis()));
        }
        String warmPath = "daily_aggregations/" + day.sensorId() + "/" + warmDay;
        Timed first = checkedDay(api.get(warmPath));
        String repeated = timeRepeatedGets(warmPath, settings.dayRepeats());

        String size = String.format(Locale.ROOT, "%,d readings", settings.dayReadings());
        table.row("day aggregation, first request of each warm-up day (" + size + ")",
                String.join(", ", warmupMillis), "", "", "");
        table.row("day aggregation, first request, nothing kept (" + size + ")",
                "**" + withServer(first, warmPath) + "**",
                "fetch of the day's values: " + Latencies.millis(jdbc.median()) + " (median of " + jdbc.count()
                        + ", binary protocol)",
                ratio(first.millis(), jdbc.median()), "≤ 2");
        table.row("day aggregation, repeated ×" + settings.dayRepeats(), repeated, "", "",
                "p99 ≤ 5 ms server time");

        measureKeyCheck(warmPath);

        // The floor under every API call on this machine: key check, routing, one sensor read, JSON.
        String sensorPath = "sensors/" + day.sensorId();
        table.row("for comparison: GET /api/sensors/{id} ×" + settings.dayRepeats(),
                timeRepeatedGets(sensorPath, settings.dayRepeats()), "", "", "");
    }

    /**
     * Issue 4's figure: what checking a key costs the repeated day aggregation. Requests alternate between a key
     * stored in the database (one indexed read per request) and the configured admin key (no read), and the
     * server reports each check's duration in its Server-Timing header.
     */
    private void measureKeyCheck(String path) throws IOException, InterruptedException {
        String stored = api.newKey("benchmark-reader-" + System.nanoTime(), "read");
        for (int i = 0; i < UNTIMED_REPEATS; i++) {
            api.get(path, stored);
            api.get(path);
        }
        List<Double> storedClient = new ArrayList<>();
        List<Double> storedAuth = new ArrayList<>();
        List<Double> configuredClient = new ArrayList<>();
        List<Double> configuredAuth = new ArrayList<>();
        for (int i = 0; i < settings.dayRepeats(); i++) {
            Timed withStored = api.get(path, stored);
            storedClient.add(withStored.millis());
            storedAuth.add(withStored.authMillis());
            Timed withConfigured = api.get(path);
            configuredClient.add(withConfigured.millis());
            configuredAuth.add(withConfigured.authMillis());
        }
        Latencies client = Latencies.of(storedClient);
        Latencies auth = Latencies.of(storedAuth);
        table.row("key check, day aggregation repeated ×" + settings.dayRepeats() + " with a stored read key",
                "**" + client.p50p99() + String.format(Locale.ROOT,
                        "**; key check (Server-Timing) p50 %.3f ms, %.1f %% of the request's p50", auth.median(),
                        100 * auth.median() / client.median()),
                "admin key from configuration, same run: " + Latencies.of(configuredClient).p50p99()
                        + String.format(Locale.ROOT, "; key check p50 %.3f ms",
                        Latencies.of(configuredAuth).median()),
                "", "≤ 5 % lost to key checking");
    }

    private Timed checkedDay(Timed answer) {
        if (answer.status() == 200) {
            long count = answer.object().getJsonNumber("count").longValue();
            check(count == settings.dayReadings(), "day aggregation counted " + count + " readings, expected "
                    + settings.dayReadings());
        }
        return answer;
    }

    private void measureRange(ReadingSeries year) throws Exception {
        postSequentially(year);
        LocalDate last = RANGE_START.plusDays(settings.rangeDays() - 1);
        String path = "sensors/" + year.sensorId() + "/daily_aggregations?from=" + RANGE_START + "&to=" + last;
        Timed first = api.get(path);
        if (first.status() == 200) {
            int days = first.array().size();
            check(days == settings.rangeDays(), "range call answered " + days + " days of " + settings.rangeDays());
        }
        String repeated = timeRepeatedGets(path, settings.rangeRepeats());
        String what = String.format(Locale.ROOT, "%d-day range call (%d readings a day)", settings.rangeDays(),
                settings.rangeReadingsPerDay());
        table.row(what + ", first", withServer(first, path), "", "", "");
        table.row(what + ", repeated ×" + settings.rangeRepeats(), repeated, "", "", "≤ 100 ms");
    }

    /**
     * Sends {@code times} GETs of {@code path} one after another, after {@link #UNTIMED_REPEATS} untimed ones (the
     * first requests of a code path run before the JIT has compiled it); their client and server p50 and p99.
     */
    private String timeRepeatedGets(String path, int times) throws IOException, InterruptedException {
        for (int i = 0; i < UNTIMED_REPEATS; i++) {
            api.get(path);
        }
        List<Double> client = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            client.add(api.get(path).millis());
        }
        List<Integer> server = settledServerMillis(path);
        return "**" + Latencies.of(client).p50p99() + "**; server "
                + Latencies.of(server.subList(Math.max(0, server.size() - times), server.size())).p50p99();
    }

    /** The access log's times of {@code path} once its last line is written (Payara writes it after answering). */
    private List<Integer> settledServerMillis(String path) throws IOException, InterruptedException {
        List<Integer> millis = server.serverMillis("/api/" + path);
        for (int wait = 0; wait < 20; wait++) {
            Thread.sleep(100);
            List<Integer> again = server.serverMillis("/api/" + path);
            if (again.size() == millis.size()) {
                break;
            }
            millis = again;
        }
        return millis;
    }

    /** A single request's time, and the server's for the first request of {@code path}. */
    private String withServer(Timed single, String path) throws IOException {
        List<Integer> server = this.server.serverMillis("/api/" + path);
        return Latencies.millis(single.millis()) + (server.isEmpty() ? "" : "; server " + server.get(0) + " ms");
    }

    /** Posts a series in batches from one client: setting up data, not measured. */
    private void postSequentially(ReadingSeries series) {
        for (byte[] body : bodies(List.of(series))) {
            api.postReadings(body);
        }
    }

    private void reportHeapAndFailures() throws Exception {
        HeapWatch heap = server.heap();
        table.row("server heap, whole run (sampled each second)",
                "peak " + mib(heap.peakUsedKib()) + " used, " + mib(heap.peakCommittedKib()) + " committed",
                "", "", "≤ 512 MB");
        int failures = api.failures();
        table.row("failed requests (non-2xx or no answer)",
                failures == 0 ? "none of " + api.requests() : "**" + failures + " of " + api.requests() + "**",
                "", "", "none");
        api.failureSamples().forEach(sample -> table.note("failed: " + sample));
    }

    private void describeSetting(double loadBefore) throws Exception {
        table.line("## Readings benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        table.line("");
        table.line("Machine: " + Machine.describe() + ".");
        table.line("JDK " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + " (client and server); MariaDB " + database.version() + " on " + settings.mariadbHost() + ":"
                + settings.mariadbPort() + ", default server settings; " + server.version() + ", "
                + settings.serverJvmOptions() + ", " + server.heap().collector() + " GC, HTTP on loopback.");
        table.note("Client times: request sent to whole answer read, HTTP/1.1 over loopback, one request at a time "
                + "unless said; server times: Payara's access log (%time-taken%, whole ms). Repeated requests "
                + "follow " + UNTIMED_REPEATS + " untimed ones of the same URL.");
        table.note(String.format(Locale.ROOT, "Ingest: bodies rendered before the clock starts; both paths first "
                        + "write %,d warm-up readings (another sensor each); JDBC: one connection, one executeBatch "
                        + "and commit per batch, after which the REST run adds its rows to the same table.",
                settings.warmupReadings()));
        table.note("Day aggregation: one sensor with " + (settings.aggregationWarmupDays() + 1) + " full days; "
                + "the warm-up days are asked first (the first of them with the aggregation code not yet run in this "
                + "JVM), then the measured day: nothing kept, code warm. The ratio compares that request with plain "
                + "JDBC fetching the same day's values (the SQL the service runs).");
    }

    private void check(boolean holds, String what) {
        if (!holds) {
            table.note("**check failed**: " + what);
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static long micros(LocalDate day) {
        return startOf(day).getEpochSecond() * SECOND_MICROS;
    }

    private static String ratio(double service, double jdbc) {
        return String.format(Locale.ROOT, "**%.2f**", service / jdbc);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%,d MiB", kib / 1024);
    }
}
