package sensorhub.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
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
    /** The aggregation sensor's two days: the first is asked cold, the second once the code has run. */
    static final LocalDate AGGREGATION_DAY = LocalDate.parse("2026-03-01");
    static final LocalDate RANGE_START = LocalDate.parse("2025-01-01");
    static final long SECOND_MICROS = 1_000_000;
    static final String UNIT = "°C";

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
        double loadBefore = loadAverage();
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
                    loadBefore, loadAverage()));
            System.out.println();
            System.out.println(table.markdown());
            table.writeTo(project.resolve("target/benchmark.md"));
        }
    }

    private void run() throws Exception {
        List<ReadingSeries> viaRest = ingestSeries("bench-rest-");
        List<ReadingSeries> viaJdbc = ingestSeries("bench-jdbc-");
        ReadingSeries restWarmup = ReadingSeries.of("bench-warmup-rest", INGEST_START, SECOND_MICROS,
                settings.warmupReadings(), 1000);
        ReadingSeries jdbcWarmup = ReadingSeries.of("bench-warmup-jdbc", INGEST_START, SECOND_MICROS,
                settings.warmupReadings(), 1000);
        ReadingSeries day = ReadingSeries.of("bench-day", startOf(AGGREGATION_DAY), settings.dayStepMicros(),
                2 * settings.dayReadings(), 2000);
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
        reportFailures();
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
        postConcurrently(bodies(List.of(restWarmup)));

        List<Slice> jdbcSlices = ReadingSeries.interleaved(viaJdbc, settings.batchSize());
        long jdbcNanos = database.insert(jdbcSlices, sensorKeys);
        long jdbcRows = jdbcSlices.stream().mapToLong(Slice::size).sum();

        List<byte[]> bodies = bodies(viaRest);
        HeapWatch.Sample before = server.heap().now();
        Ingest rest = postConcurrently(bodies);
        HeapWatch.Sample after = server.heap().now();
        HeapWatch.Sample live = server.heap().liveAfterFullGc();

        long restReadings = viaRest.stream().mapToLong(ReadingSeries::count).sum();
        check(rest.inserted() == restReadings, "the service inserted " + rest.inserted() + " of " + restReadings);
        double restRate = rest.inserted() / (rest.nanos() / 1e9);
        double jdbcRate = jdbcRows / (jdbcNanos / 1e9);
        table.row(String.format(Locale.ROOT, "ingest: %,d readings, %d sensors, batches of %,d, REST from %d clients",
                        restReadings, settings.sensors(), settings.batchSize(), settings.clients()),
                String.format(Locale.ROOT, "**%,.0f readings/s** (%.1f s; a batch %s)", restRate, rest.nanos() / 1e9,
                        rest.batchMillis().p50p99()),
                String.format(Locale.ROOT, "%,.0f rows/s (%.1f s; 1 writer, rewriteBatchedStatements)", jdbcRate,
                        jdbcNanos / 1e9),
                ratio(restRate, jdbcRate), "≥ 0.5");
        table.row("server heap around the REST ingest",
                String.format(Locale.ROOT, "%s used after it, %s live after a full GC; GC time during it %.1f s",
                        mib(after.usedKib()), mib(live.usedKib()), after.gcSeconds() - before.gcSeconds()),
                "", "", "");

        long storedViaRest = database.countReadings(keysOf(viaRest));
        long storedViaJdbc = database.countReadings(keysOf(viaJdbc));
        check(storedViaRest == restReadings, "rows stored through REST: " + storedViaRest + " of " + restReadings);
        check(storedViaJdbc == jdbcRows, "rows stored through JDBC: " + storedViaJdbc + " of " + jdbcRows);
    }

    /** What a concurrent REST ingest did: its wall time, the readings inserted, and each batch's time. */
    private record Ingest(long nanos, long inserted, Latencies batchMillis) {
    }

    private List<byte[]> bodies(List<ReadingSeries> series) {
        return ReadingSeries.interleaved(series, settings.batchSize()).stream().map(Slice::json).toList();
    }

    /** Sends the bodies from {@code clients} threads, each taking the next unsent body, as fast as answers come. */
    private Ingest postConcurrently(List<byte[]> bodies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Double> batchMillis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        try {
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
            return new Ingest(System.nanoTime() - start, total, Latencies.of(batchMillis));
        } finally {
            clients.shutdownNow();
        }
    }

    private void measureDay(ReadingSeries day) throws Exception {
        postSequentially(day);
        LocalDate coldDay = AGGREGATION_DAY;
        LocalDate warmDay = AGGREGATION_DAY.plusDays(1);
        Latencies jdbc = Latencies.of(database.timeDayFetch(sensorKeys.get(day.sensorId()), micros(warmDay),
                micros(warmDay.plusDays(1)), settings.jdbcFetchRuns(), settings.dayReadings()));

        String coldPath = "daily_aggregations/" + day.sensorId() + "/" + coldDay;
        String warmPath = "daily_aggregations/" + day.sensorId() + "/" + warmDay;
        Timed cold = checkedDay(api.get(coldPath));
        Timed first = checkedDay(api.get(warmPath));
        List<Double> repeated = new ArrayList<>();
        for (int i = 0; i < settings.dayRepeats(); i++) {
            repeated.add(api.get(warmPath).millis());
        }
        List<Integer> coldServer = server.serverMillis("/api/" + coldPath);
        List<Integer> warmServer = server.serverMillis("/api/" + warmPath);

        String size = String.format(Locale.ROOT, "%,d readings", settings.dayReadings());
        table.row("day aggregation, first request since the server started (" + size + ")",
                withServer(cold.millis(), coldServer, 0), "", "", "");
        table.row("day aggregation, first request, nothing kept (" + size + ")",
                "**" + withServer(first.millis(), warmServer, 0) + "**",
                "fetch of the day's values: " + Latencies.millis(jdbc.median()) + " (median of " + jdbc.count()
                        + ", binary protocol)",
                ratio(first.millis(), jdbc.median()), "≤ 2");
        table.row("day aggregation, repeated ×" + settings.dayRepeats(),
                "**" + Latencies.of(repeated).p50p99() + "**; server "
                        + serverP50p99(warmServer.subList(Math.min(1, warmServer.size()), warmServer.size())),
                "", "", "p99 ≤ 5 ms server time");
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
            check(days == settings.rangeDays(), "range call answered " + days + " days, expected " + settings.rangeDays());
        }
        List<Double> repeated = new ArrayList<>();
        for (int i = 0; i < settings.rangeRepeats(); i++) {
            repeated.add(api.get(path).millis());
        }
        List<Integer> serverTimes = server.serverMillis("/api/" + path);
        String what = String.format(Locale.ROOT, "%d-day range call (%d readings a day)", settings.rangeDays(),
                settings.rangeReadingsPerDay());
        table.row(what + ", first", withServer(first.millis(), serverTimes, 0), "", "", "");
        table.row(what + ", repeated ×" + settings.rangeRepeats(),
                "**" + Latencies.of(repeated).p50p99() + "**; server "
                        + serverP50p99(serverTimes.subList(Math.min(1, serverTimes.size()), serverTimes.size())),
                "", "", "≤ 100 ms");
    }

    /** Posts a series in batches from one client: setting up data, not measured. */
    private void postSequentially(ReadingSeries series) {
        for (byte[] body : bodies(List.of(series))) {
            api.postReadings(body);
        }
    }

    private void reportFailures() throws Exception {
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
        table.line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memory() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ".");
        table.line("JDK " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + " (client and server); MariaDB " + database.version() + " on " + settings.mariadbHost() + ":"
                + settings.mariadbPort() + ", default server settings; " + server.version() + ", "
                + settings.serverJvmOptions() + ", " + server.heap().collector() + " GC, HTTP on loopback.");
        table.note("Client times: request sent to whole answer read, HTTP/1.1 over loopback, one request at a time "
                + "unless said; server times: Payara's access log (%time-taken%, whole ms).");
        table.note(String.format(Locale.ROOT, "Ingest: bodies rendered before the clock starts; both paths first "
                        + "write %,d warm-up readings (another sensor each); JDBC: one connection, one executeBatch "
                        + "and commit per batch, after which the REST run adds its rows to the same table.",
                settings.warmupReadings()));
        table.note("Day aggregation: one sensor with two days of readings; the first day is asked first "
                + "(aggregation code not yet run in this JVM), then the second: nothing kept, code warm. The ratio "
                + "compares that request with plain JDBC fetching the same day's values (the SQL the service runs).");
    }

    private String withServer(double clientMillis, List<Integer> serverMillis, int index) {
        String server = serverMillis.size() > index ? "; server " + serverMillis.get(index) + " ms" : "";
        return Latencies.millis(clientMillis) + server;
    }

    private static String serverP50p99(List<Integer> millis) {
        return Latencies.of(millis).p50p99();
    }

    private void check(boolean holds, String what) {
        if (!holds) {
            table.note("**check failed**: " + what);
        }
    }

    private List<Long> keysOf(List<ReadingSeries> series) {
        return series.stream().map(s -> sensorKeys.get(s.sensorId())).toList();
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

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return !Files.exists(cpuinfo) ? System.getProperty("os.arch") : Files.readAllLines(cpuinfo).stream()
                .filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse(System.getProperty("os.arch"));
    }

    private static String memory() throws Exception {
        Path meminfo = Path.of("/proc/meminfo");
        return !Files.exists(meminfo) ? "memory unknown" : Files.readAllLines(meminfo).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM")
                .findFirst().orElse("memory unknown");
    }
}
