package sensorhub.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import sensorhub.benchmark.ConcurrentBatches.Body;
import sensorhub.benchmark.ReadingSeries.Slice;
import sensorhub.benchmark.ServiceClient.Timed;

/**
 * Issue 3's benchmark: REST ingest (JSON and CSV) against plain JDBC batches, a day's aggregation (first and
 * repeated) against the plain JDBC fetch of that day, a year of daily aggregates in one call, the bytes stored per
 * reading and the server's heap, all in one run against a fresh MariaDB database; then issue 11's peers doing the
 * same work with the same data ({@link Peers}), issue 20's Grafana panel on the service and its peers
 * ({@link GrafanaPanel}), and issue 21's percentiles over a 1 Hz sensor's ranges beside PostgreSQL's
 * ({@link RangePercentiles}) and ingest beside the retention sweep ({@link SweepIngest}). Prints the tables and
 * writes them to {@code target/benchmark.md}.
 *
 * <p>Run by {@code ./mvnw -f harness/pom.xml -Pbenchmark verify} after the WAR is packaged (MariaDB must be up,
 * see {@link BenchmarkSettings}); the only argument is the WAR project's directory. Figures are printed, never
 * asserted: no run fails on a timing.
 */
public final class ReadingsBenchmark {

    static final String UNIT = "°C";
    /** The most readings a batch may carry (sensors.readings.max-batch). */
    static final int SERIES_BATCH = 100_000;

    private final BenchmarkSettings settings;
    private final BenchmarkDatabase database;
    private final PayaraServer server;
    private final ServiceClient api;
    private final ResultTable table;
    private final GrafanaPanel grafana;
    private Map<String, Long> sensorKeys;
    /** The service's figures for the peers table, gathered as the measurements go. */
    private Ingest jsonIngest;
    private Ingest csvIngest;
    private Ingest lineIngest;
    private double dayFirstMillis;
    private Latencies dayRepeated;
    private Latencies yearRepeated;
    private DayStatistics measuredDay;
    private StorageSize noisyStored;
    private StorageSize regularStored;
    private RangePercentiles.Figures percentiles;

    private ReadingsBenchmark(BenchmarkSettings settings, BenchmarkDatabase database, PayaraServer server,
            ServiceClient api, ResultTable table, GrafanaPanel grafana) {
        this.settings = settings;
        this.database = database;
        this.server = server;
        this.api = api;
        this.table = table;
        this.grafana = grafana;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        ResultTable table = new ResultTable();
        GrafanaPanel grafana = new GrafanaPanel(settings);
        double loadBefore = Machine.loadAverage();
        try {
            BenchmarkDatabase database = BenchmarkDatabase.recreate(settings);
            ReadingsBenchmark benchmark;
            try (PayaraServer server = PayaraServer.start(project, settings, database, adminKey)) {
                benchmark = new ReadingsBenchmark(settings, database, server,
                        new ServiceClient(server.base(), adminKey), table, grafana);
                benchmark.describeSetting(loadBefore);
                benchmark.run();
            }
            // The peers run with the service stopped, as the service ran with no peer started.
            new Peers(project, settings, table).measure(benchmark.asJson(), benchmark.asCsv(),
                    benchmark.asLineProtocol(), benchmark.measuredDay, grafana, benchmark.percentiles);
            grafana.report(table);
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
            table.line("Cores used while the service was measured: " + CpuUse.now(server.pid()).since(start).cores()
                    + ".");
        }
    }

    private void measureAll() throws Exception {
        Workload viaRest = Workload.of(settings, "bench-rest-");
        Workload viaCsv = Workload.of(settings, "bench-csv-");
        Workload viaJdbc = Workload.of(settings, "bench-jdbc-");
        Workload viaLine = Workload.of(settings, "bench-lp-");

        List<String> ids = new ArrayList<>();
        for (Workload path : List.of(viaRest, viaCsv, viaJdbc, viaLine)) {
            path.ingest().forEach(series -> ids.add(series.sensorId()));
            ids.add(path.warmup().sensorId());
        }
        viaCsv.regular().forEach(series -> ids.add(series.sensorId()));
        ids.addAll(List.of(viaRest.day().sensorId(), viaRest.year().sensorId()));
        ReadingSeries seriesYear = Workload.series(settings);
        ids.add(seriesYear.sensorId());
        SweepIngest.sensors(settings).forEach(series -> ids.add(series.sensorId()));
        api.registerSensors(ids, UNIT);
        sensorKeys = database.sensorKeys(ids);

        measureIngest(viaRest, viaCsv, viaJdbc, viaLine);
        measureDay(viaRest.day());
        measureRange(viaRest.year());
        measureGrafana();
        measureRegularStorage(viaCsv.regular());
        measureSeries(seriesYear);
        measurePercentiles(seriesYear);
        // Last with the 1 Hz sensor: the sweep removes what the series and percentiles read.
        new SweepIngest(settings, api, table).measure(seriesYear);
        reportHeapAndFailures();
    }

    private void measureIngest(Workload viaRest, Workload viaCsv, Workload viaJdbc, Workload viaLine)
            throws Exception {
        database.insert(ReadingSeries.interleaved(List.of(viaJdbc.warmup()), settings.batchSize()), sensorKeys);
        ingestThroughRest(List.of(viaRest.warmup()), 1, Slice::json, api::postReadings);
        ingestThroughRest(List.of(viaCsv.warmup()), 1, Slice::csv, api::postCsvReadings);
        ingestThroughLineProtocol(List.of(viaLine.warmup()), 1);

        int rounds = settings.ingestRounds();
        Ingest jdbc = ingestThroughJdbc(viaJdbc.ingest(), rounds);
        HeapWatch.Sample before = server.heap().now();
        Ingest rest = ingestThroughRest(viaRest.ingest(), rounds, Slice::json, api::postReadings);
        HeapWatch.Sample after = server.heap().now();
        HeapWatch.Sample live = server.heap().liveAfterFullGc();
        StorageSize beforeCsv = storedNow();
        Ingest csv = ingestThroughRest(viaCsv.ingest(), rounds, Slice::csv, api::postCsvReadings);
        noisyStored = storedNow().since(beforeCsv, csv.written());
        Ingest line = ingestThroughLineProtocol(viaLine.ingest(), rounds);
        jsonIngest = rest;
        csvIngest = csv;
        lineIngest = line;

        table.row(String.format(Locale.ROOT, "ingest: %,d readings, %d sensors, batches of %,d, REST from %d clients "
                        + "(median of %d rounds)", rest.median().written(), settings.sensors(), settings.batchSize(),
                        settings.clients(), rounds),
                String.format(Locale.ROOT, "**%,.0f readings/s** (%.1f s; a batch %s)", rest.perSecond(),
                        rest.nanos() / 1e9, rest.batchMillis().p50p99()),
                String.format(Locale.ROOT, "%,.0f rows/s (%.1f s; 1 writer, rewriteBatchedStatements)",
                        jdbc.perSecond(), jdbc.nanos() / 1e9),
                ratio(rest.perSecond(), jdbc.perSecond()), "≥ 0.5");
        table.row("ingest, the same through REST CSV (text/csv), other sensors",
                String.format(Locale.ROOT, "**%,.0f readings/s** (%.1f s; a batch %s)", csv.perSecond(),
                        csv.nanos() / 1e9, csv.batchMillis().p50p99()),
                "", ratio(csv.perSecond(), jdbc.perSecond()), "");
        table.row("ingest, the same through InfluxDB's line protocol (POST /write, precision=u, a sensor_id tag), "
                        + "other sensors",
                String.format(Locale.ROOT, "**%,.0f readings/s** (%.1f s; a batch %s)", line.perSecond(),
                        line.nanos() / 1e9, line.batchMillis().p50p99()),
                "", ratio(line.perSecond(), jdbc.perSecond()), "");
        table.row("cores used during the ingest", rest.cpu().cores() + "; CSV: " + csv.cpu().cores()
                + "; line protocol: " + line.cpu().cores(), jdbc.cpu().cores(), "", "");
        table.row("CPU time per million rows written", rest.cpu().perMillion(rest.written()) + "; CSV: "
                + csv.cpu().perMillion(csv.written()) + "; line protocol: " + line.cpu().perMillion(line.written()),
                jdbc.cpu().perMillion(jdbc.written()), "", "");
        table.row("ingest rounds, readings/s in order", "JSON " + rest.rounds().rates() + "; CSV "
                + csv.rounds().rates() + "; line protocol " + line.rounds().rates(), jdbc.rounds().rates(), "", "");
        table.row("server heap around the REST ingest",
                String.format(Locale.ROOT, "%s used after it, %s live after a full GC; GC time during it %.1f s",
                        mib(after.usedKib()), mib(live.usedKib()), after.gcSeconds() - before.gcSeconds()),
                "", "", "");
        checkStored(rest, viaRest.ingest(), "REST JSON");
        checkStored(csv, viaCsv.ingest(), "REST CSV");
        checkStored(line, viaLine.ingest(), "line protocol");
        checkStored(jdbc, viaJdbc.ingest(), "JDBC");
    }

    /**
     * What one ingest did: its rounds (readings written, wall time, each batch's time), the readings expected in all,
     * and who used the cores over all rounds. Rates and batch times are the median round's.
     */
    private record Ingest(ConcurrentBatches.Rounds rounds, long expected, CpuUse cpu) {

        long written() {
            return rounds.written();
        }

        ConcurrentBatches.Sent median() {
            return rounds.median();
        }

        long nanos() {
            return median().nanos();
        }

        Latencies batchMillis() {
            return median().batchMillis();
        }

        double perSecond() {
            return median().perSecond();
        }

        /** Its row of the peers table. */
        PeerResult asPeer(String system, PeerQueries.Figures queries, StorageSize noisy, StorageSize regular) {
            double scale = 1e6 / written();
            return new PeerResult(system, rounds, cpu.serverSeconds() + cpu.mariadbSeconds(),
                    String.format(Locale.ROOT, "server %.1f of which JIT compiler %.1f, MariaDB %.1f",
                            cpu.serverSeconds() * scale, cpu.serverCompilerSeconds() * scale,
                            cpu.mariadbSeconds() * scale), cpu.clientSeconds(), queries, noisy, regular);
        }
    }

    private Ingest ingestThroughJdbc(List<ReadingSeries> series, int rounds) throws Exception {
        List<ConcurrentBatches.Sent> sent = new ArrayList<>();
        CpuUse start = CpuUse.now(server.pid());
        for (List<Slice> slices : ReadingSeries.rounds(series, settings.batchSize(), rounds)) {
            long nanos = database.insert(slices, sensorKeys);
            sent.add(new ConcurrentBatches.Sent(slices.stream().mapToLong(Slice::size).sum(), nanos,
                    Latencies.of(List.of())));
        }
        ConcurrentBatches.Rounds all = new ConcurrentBatches.Rounds(sent);
        return new Ingest(all, all.written(), CpuUse.now(server.pid()).since(start));
    }

    /**
     * Sends the series' batches in {@code rounds} rounds, rendered before the clock starts, from {@code clients}
     * clients at once.
     */
    private Ingest ingestThroughRest(List<ReadingSeries> series, int rounds, Function<Slice, byte[]> render,
            Function<byte[], Timed> post) throws Exception {
        List<List<Body>> bodies = Body.ofRounds(series, settings.batchSize(), rounds, render);
        CpuUse cpu = CpuUse.now(server.pid());
        ConcurrentBatches.Rounds sent = ConcurrentBatches.sendInRounds(ConcurrentBatches.shared(
                body -> ServiceClient.inserted(post.apply(body.bytes())), settings.clients()), bodies);
        return new Ingest(sent, series.stream().mapToLong(ReadingSeries::count).sum(),
                CpuUse.now(server.pid()).since(cpu));
    }

    /** Line protocol through {@code /write}: a batch answered 204 wrote all of its readings. */
    private Ingest ingestThroughLineProtocol(List<ReadingSeries> series, int rounds) throws Exception {
        List<List<Body>> bodies = Body.ofRounds(series, settings.batchSize(), rounds,
                slice -> slice.lineProtocol(InfluxPeer.MEASUREMENT));
        CpuUse cpu = CpuUse.now(server.pid());
        ConcurrentBatches.Rounds sent = ConcurrentBatches.sendInRounds(lineProtocolWriter("benchmark"), bodies);
        return new Ingest(sent, series.stream().mapToLong(ReadingSeries::count).sum(),
                CpuUse.now(server.pid()).since(cpu));
    }

    /** {@code clients} clients writing line protocol into {@code db}: a batch answered 204 wrote all its readings. */
    private List<ConcurrentBatches.Client<Body>> lineProtocolWriter(String db) {
        return ConcurrentBatches.shared(body -> api.postLineProtocol(db, body.bytes()).status() == 204
                ? body.readings() : 0, settings.clients());
    }

    /**
     * Issue 20's panel on the service ({@link GrafanaPanel}): the measured day written again, through
     * {@code /write} into a database of its own, whose series {@code /query} knows from that write alone.
     */
    private void measureGrafana() throws Exception {
        ConcurrentBatches.Sent sent = ConcurrentBatches.send(lineProtocolWriter(GrafanaPanel.DATABASE), grafana.day());
        check(sent.written() == settings.dayReadings(), "Grafana's day: " + sent.written() + " readings written "
                + "through /write, of " + settings.dayReadings());
        grafana.time(List.of(new GrafanaPanel.Panel("this service, InfluxQL on /query", GrafanaPanel.Format.INFLUXQL,
                () -> api.influxQuery(GrafanaPanel.DATABASE, grafana.influxQl()).body())));
    }

    /** The service's readings tables now, for the readings it holds at this point. */
    private StorageSize storedNow() throws Exception {
        return new StorageSize(database.readingTablesBytes().values().stream().mapToLong(Long::longValue).sum(), 0);
    }

    /** The bytes that readings without noise take: the same sensors' data without its noise term, through CSV. */
    private void measureRegularStorage(List<ReadingSeries> regular) throws Exception {
        StorageSize before = storedNow();
        Ingest written = ingestThroughRest(regular, 1, Slice::csv, api::postCsvReadings);
        checkStored(written, regular, "REST CSV (regular data)");
        regularStored = storedNow().since(before, written.written());
        table.row("bytes stored per reading (leaf pages of the readings tables' indexes, grown by that ingest)",
                "noisy data (the CSV ingest): " + noisyStored.describe() + "; regular data (the same without noise): "
                        + regularStored.describe(), "", "", "");
        table.note("Bytes stored: the leaf pages (n_leaf_pages × innodb_page_size, from mysql.innodb_index_stats "
                + "after ANALYZE TABLE) of every index of " + database.readingTablesBytes().keySet()
                + " (sensor_values and every reading_* table), before and after an ingest of new sensors: the pages "
                + "that hold the rows, to the page (16 KiB). DATA_LENGTH + INDEX_LENGTH count pages allocated, which "
                + "InnoDB takes in whole extents of 1 MiB and reserves ahead, a few MiB more or less over the same "
                + "readings.");
    }

    private PeerResult asJson() {
        return jsonIngest.asPeer("this service, REST JSON on MariaDB",
                new PeerQueries.Figures(dayFirstMillis, dayRepeated, yearRepeated, measuredDay, settings.rangeDays()),
                noisyStored, regularStored);
    }

    private PeerResult asCsv() {
        return csvIngest.asPeer("this service, REST CSV on MariaDB", null, null, null);
    }

    private PeerResult asLineProtocol() {
        return lineIngest.asPeer("this service, InfluxDB line protocol on MariaDB", null, null, null);
    }

    private void checkStored(Ingest ingest, List<ReadingSeries> series, String path) throws Exception {
        List<Long> keys = series.stream().map(s -> sensorKeys.get(s.sensorId())).toList();
        long stored = path.equals("JDBC") ? database.countRawReadings(keys) : database.countReadings(keys);
        check(ingest.written() == ingest.expected() && stored == ingest.expected(), String.format(Locale.ROOT,
                "through %s %,d readings were reported written and %,d stored, of %,d", path, ingest.written(),
                stored, ingest.expected()));
    }

    private void measureDay(ReadingSeries day) throws Exception {
        postSequentially(day);
        LocalDate warmDay = Workload.measuredDay(settings);
        Latencies jdbc = Latencies.of(database.timeDayFetch(sensorKeys.get(day.sensorId()), Workload.micros(warmDay),
                Workload.micros(warmDay.plusDays(1)), settings.jdbcFetchRuns(), settings.dayReadings()));

        table.line(String.format(Locale.ROOT, "Before the day's statistics: %.0f s until the machine was idle.",
                Settled.machine().toMillis() / 1e3));
        List<String> warmupMillis = new ArrayList<>();
        for (LocalDate d = Workload.AGGREGATION_DAY; d.isBefore(warmDay); d = d.plusDays(1)) {
            warmupMillis.add(Latencies.millis(checkedDay(api.get("daily_aggregations/" + day.sensorId() + "/" + d))
                    .millis()));
        }
        String warmPath = "daily_aggregations/" + day.sensorId() + "/" + warmDay;
        Timed first = checkedDay(api.get(warmPath));
        Repeated repeated = timeRepeatedGets(warmPath, settings.dayRepeats());
        dayFirstMillis = first.millis();
        dayRepeated = repeated.client();
        measuredDay = first.status() == 200 ? DayStatistics.of(first.object()) : null;

        String size = String.format(Locale.ROOT, "%,d readings", settings.dayReadings());
        table.row("day aggregation, first request of each warm-up day (" + size + ")",
                String.join(", ", warmupMillis), "", "", "");
        table.row("day aggregation, first request, nothing kept (" + size + ")",
                "**" + withServer(first, warmPath) + "**",
                "fetch of the day's blocks: " + Latencies.millis(jdbc.median()) + " (median of " + jdbc.count()
                        + ", binary protocol)",
                ratio(first.millis(), jdbc.median()), "≤ PostgreSQL's (peers below)");
        table.row("day aggregation, repeated ×" + settings.dayRepeats(), repeated.text(), "", "",
                "p99 ≤ 5 ms server time");

        measureKeyCheck(warmPath);

        // The floor under every API call on this machine: key check, routing, one sensor read, JSON.
        String sensorPath = "sensors/" + day.sensorId();
        table.row("for comparison: GET /api/sensors/{id} ×" + settings.dayRepeats(),
                timeRepeatedGets(sensorPath, settings.dayRepeats()).text(), "", "", "");
    }

    /**
     * Issue 4's figure: what checking a key costs the repeated day aggregation. Requests alternate between a key
     * stored in the database (one indexed read per request) and the configured admin key (no read), and the
     * server reports each check's duration in its Server-Timing header.
     */
    private void measureKeyCheck(String path) throws Exception {
        String stored = api.newKey("benchmark-reader-" + System.nanoTime(), "read");
        Untimed.repeat(() -> {
            api.get(path, stored);
            api.get(path);
        });
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
        LocalDate last = Workload.lastRangeDay(settings);
        String path = "sensors/" + year.sensorId() + "/daily_aggregations?from=" + Workload.RANGE_START + "&to="
                + last;
        Timed first = api.get(path);
        if (first.status() == 200) {
            int days = first.array().size();
            check(days == settings.rangeDays(), "range call answered " + days + " days of " + settings.rangeDays());
        }
        Repeated repeated = timeRepeatedGets(path, settings.rangeRepeats());
        yearRepeated = repeated.client();
        String what = String.format(Locale.ROOT, "%d-day range call (%d readings a day)", settings.rangeDays(),
                settings.rangeReadingsPerDay());
        table.row(what + ", first", withServer(first, path), "", "", "");
        table.row(what + ", repeated ×" + settings.rangeRepeats(), repeated.text(), "", "", "≤ 100 ms");
    }

    /**
     * Issue 10's charts: a sensor with a reading a second for {@code seriesDays} days (a year by default), asked
     * for the series of its last day, week, month and whole span at {@code max_buckets=1000}, first and repeated.
     * The data go in as CSV batches of 100,000, rendered as they are sent: a year would not fit rendered.
     */
    private void measureSeries(ReadingSeries year) throws Exception {
        List<Slice> slices = ReadingSeries.interleaved(List.of(year), SERIES_BATCH);
        ConcurrentBatches.Sent sent = ConcurrentBatches.send(ConcurrentBatches.shared(
                slice -> ServiceClient.inserted(api.postCsvReadings(slice.csv())), settings.clients()), slices);
        check(sent.written() == year.count(), "series sensor: " + sent.written() + " of " + year.count() + " stored");
        Duration settling = Settled.machine();
        Instant end = Instant.ofEpochSecond(Math.floorDiv(year.micros(year.count() - 1), Workload.SECOND_MICROS) + 1);
        for (int days : new int[] {1, 7, 30, settings.seriesDays()}) {
            Instant from = end.minusSeconds(86_400L * days);
            String path = "sensors/" + year.sensorId() + "/series?from=" + from + "&to=" + end + "&max_buckets=1000";
            Timed first = api.get(path);
            check(first.status() == 200, "series answered " + first.status() + ": " + first.body());
            String bucket = first.status() == 200 ? first.object().getString("bucket") : "?";
            Repeated repeated = timeRepeatedGets(path, settings.rangeRepeats());
            table.row(String.format(Locale.ROOT, "series of the last %d days of a 1 Hz sensor (%s buckets, %s)",
                    days, bucket, "max_buckets 1000"), "first " + withServer(first, path) + "; repeated "
                            + repeated.text(), "", "", "≤ 1 s first, ≤ 100 ms repeated");
        }
        table.line(String.format(Locale.ROOT, "Series sensor: %,d readings (%d days at 1 Hz) written through REST CSV "
                + "in %.1f s; its series were asked for once the machine was idle, %.0f s later.", year.count(),
                settings.seriesDays(), sent.nanos() / 1e9, settling.toMillis() / 1e3));
    }

    /**
     * Issue 21's percentiles over the 1 Hz sensor's last day, month and whole span, and the heap the longest one's
     * queries needed; PostgreSQL's are measured with the peers, and the table printed there.
     */
    private void measurePercentiles(ReadingSeries series) throws Exception {
        try {
            List<RangePercentiles.Measured> ranges = RangePercentiles.measure(settings,
                    RangePercentiles.spans(settings), span -> {
                        String path = RangePercentiles.path(series.sensorId(), span);
                        Timed answer = api.get(path);
                        if (answer.status() != 200) {
                            throw new IllegalStateException(path + " answered " + answer.status() + ": "
                                    + answer.body());
                        }
                        return RangePercentiles.of(answer.object());
                    });
            RangePercentiles.Measured longest = ranges.get(ranges.size() - 1);
            percentiles = new RangePercentiles.Figures(ranges, server.heap().peakBetween(longest.startNanos(),
                    longest.endNanos()));
        } catch (IllegalStateException e) {
            table.note("**percentiles over ranges not measured**: " + e.getMessage());
        }
    }

    /** Repeated requests' client times, and their client and server p50 and p99 as the table prints them. */
    private record Repeated(Latencies client, String text) {
    }

    /**
     * Sends {@code times} GETs of {@code path} one after another, after {@link Untimed} ones (the first requests of
     * a code path run before the JIT has compiled it); their client and server p50 and p99.
     */
    private Repeated timeRepeatedGets(String path, int times) throws Exception {
        Untimed.repeat(() -> api.get(path));
        List<Double> client = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            client.add(api.get(path).millis());
        }
        List<Integer> server = settledServerMillis(path);
        return new Repeated(Latencies.of(client), "**" + Latencies.of(client).p50p99() + "**; server "
                + Latencies.of(server.subList(Math.max(0, server.size() - times), server.size())).p50p99());
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
        for (Slice slice : ReadingSeries.interleaved(List.of(series), settings.batchSize())) {
            api.postReadings(slice.json());
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
                + "follow " + Untimed.described() + ". Statistics are first asked " + Settled.described() + ".");
        table.note(String.format(Locale.ROOT, "Ingest: bodies rendered before the clock starts; every path first "
                        + "writes %,d warm-up readings (another sensor each), then %d timed rounds of %,d readings, "
                        + "each round every sensor's next %,d seconds; rates and batch times are the median round's, "
                        + "CPU per million is over all rounds. JDBC: one connection, one executeBatch and commit per "
                        + "batch, after which the REST JSON run, then the REST CSV run add their rows to the same "
                        + "table.", settings.warmupReadings(), settings.ingestRounds(),
                settings.sensors() * (long) settings.readingsPerSensor(), settings.readingsPerSensor()));
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

    private static String ratio(double service, double jdbc) {
        return String.format(Locale.ROOT, "**%.2f**", service / jdbc);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%,d MiB", kib / 1024);
    }
}
