package sensorhub.reliability;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import sensorhub.benchmark.PayaraServer;
import sensorhub.reliability.ApiTraffic.Answer;
import sensorhub.reliability.StoredReadings.Verdict;

/**
 * The reliability suite: starts a private MariaDB and the packaged WAR on Payara Micro against it, runs the load
 * phase and the outage phase, checks every acknowledged reading in the database and a few daily aggregations
 * against an independent computation (and numpy, where python3 has it), prints the table and writes it to
 * {@code target/reliability.md}. Everything it started is stopped before it returns, also on failure; a failed
 * criterion then fails the build.
 *
 * <p>Run by {@code ./mvnw -f harness/pom.xml -Preliability verify} after the WAR is packaged; the only argument is
 * the WAR project's directory.
 */
public final class ReliabilitySuite {

    private final Path project;
    private final ReliabilitySettings settings;
    private final Report report;
    private final PrivateMariaDb database;
    private final ApiTraffic checks;
    private final List<String> loadSensors;
    private final List<String> outageSensors;

    private ReliabilitySuite(Path project, ReliabilitySettings settings, Report report, PrivateMariaDb database,
            ApiTraffic checks) {
        this.project = project;
        this.settings = settings;
        this.report = report;
        this.database = database;
        this.checks = checks;
        this.loadSensors = LoadPhase.sensorIds(settings.loadSensors());
        this.outageSensors = OutagePhase.sensorIds(settings.outageSensors());
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        ReliabilitySettings settings = ReliabilitySettings.fromSystemProperties();
        String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Report report = new Report();
        long begin = System.nanoTime();
        try (PrivateMariaDb database = PrivateMariaDb.start(project, settings.databasePort());
                PayaraServer server = PayaraServer.start(project, launch(project, settings, database, adminKey))) {
            report.setting(String.format(Locale.ROOT,
                    "Reliability run %s: %d cores, JDK %s; %s on port %d (%s, JVM options `%s`, extra Payara options: %s); "
                            + "private MariaDB %s on 127.0.0.1:%d (data in %s).",
                    ZonedDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.runtime.version"), server.version(), settings.port(),
                    "server-config/payara/mysql.asadmin", settings.serverJvmOptions(),
                    settings.payaraOptions().isBlank() ? "none" : "`" + settings.payaraOptions() + "`",
                    database.version(), database.port(), project.relativize(database.home())));
            ApiTraffic api = new ApiTraffic(ApiTraffic.newHttpClient(), server.base(), adminKey,
                    Duration.ofSeconds(settings.hangSeconds()));
            new ReliabilitySuite(project, settings, report, database, api).run(api);
        } catch (Exception | Error e) {
            report.fail("the run could not complete: " + e);
            throw e;
        } finally {
            report.line("whole run, boots included: " + Report.seconds(System.nanoTime() - begin));
            System.out.println();
            System.out.println(report.markdown());
            report.writeTo(project.resolve("target/reliability.md"));
        }
        if (report.failed()) {
            throw new IllegalStateException("Reliability: " + report.failures().size()
                    + " criteria not met; see target/reliability.md");
        }
    }

    /** The one place that says how the server is started; {@code reliability.payaraOptions} adds to it. */
    private static PayaraServer.Launch launch(Path project, ReliabilitySettings settings, PrivateMariaDb database,
            String adminKey) {
        List<String> options = new ArrayList<>(List.of("--postbootcommandfile",
                project.resolve("server-config/payara/mysql.asadmin").toString()));
        options.addAll(settings.payaraOptionList());
        return new PayaraServer.Launch(project.resolve("target/reliability/payara"), settings.port(),
                settings.serverJvmOptionList(), options,
                Map.of("SENSORS_ADMIN_KEY", adminKey,
                        "SENSORS_DB_URL", database.url(),
                        "SENSORS_DB_USER", database.user(),
                        "SENSORS_DB_PASSWORD", database.password()));
    }

    private void run(ApiTraffic api) throws Exception {
        registerSensors(api);
        report.setting(String.format(Locale.ROOT, "Load: %d clients for %d s on every route, batches of %d-%d "
                        + "readings to %d shared sensors. Outage: %d clients (%d of them reading), MariaDB killed "
                        + "(SIGKILL) after %d s, restarted after %d s down, %d s more; a request unanswered after "
                        + "%d s is a hang.",
                settings.loadClients(), settings.loadSeconds(), settings.minBatch(), settings.maxBatch(),
                settings.loadSensors(), settings.outageClients(), settings.outageReaders(),
                settings.outageUpSeconds(), settings.outageDownSeconds(), settings.outageAfterSeconds(),
                settings.hangSeconds()));
        loadPhase(api.withTimeout(Duration.ofSeconds(settings.hangSeconds())));
        outagePhase(api.withTimeout(Duration.ofSeconds(settings.hangSeconds())));
    }

    private void registerSensors(ApiTraffic api) {
        List<String> ids = new ArrayList<>(loadSensors);
        ids.addAll(outageSensors);
        String json = ids.stream()
                .map(id -> "{\"id\":\"" + id + "\",\"name\":\"reliability " + id + "\",\"type\":\"temperature\","
                        + "\"unit\":\"°C\",\"location\":\"" + LoadPhase.LOCATION + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        Answer answer = api.post(Route.CREATE_SENSORS, "sensors", "application/json", json);
        if (answer.status() != 201) {
            throw new IllegalStateException("Registering the suite's sensors failed: " + answer.status() + " "
                    + answer.body());
        }
    }

    private void loadPhase(ApiTraffic api) throws Exception {
        LoadPhase load = new LoadPhase(settings, api, loadSensors);
        long start = System.nanoTime();
        load.run();
        long took = System.nanoTime() - start;
        List<Exchange> exchanges = api.exchanges();
        report.requests("load", exchanges);

        long serverErrors = exchanges.stream().filter(Exchange::serverError).count();
        long unanswered = exchanges.stream().filter(e -> e.status() < 0).count();
        long clientErrors = exchanges.stream().filter(e -> e.status() >= 400 && e.status() < 500).count();
        report.line(String.format(Locale.ROOT, "load: %d requests in %s (%.0f/s); 4xx answers: %d (not a criterion)",
                exchanges.size(), Report.seconds(took), exchanges.size() / (took / 1e9), clientErrors));
        report.check(serverErrors > 0, "load: 5xx answers: " + serverErrors + (serverErrors == 0 ? ""
                : " (" + Report.byRoute(exchanges.stream().filter(Exchange::serverError).toList()) + ")"));
        long improper = exchanges.stream().filter(e -> e.status() == 503 && !e.proper503()).count();
        report.check(improper > 0, "load: 503 answers without problem+json and Retry-After: " + improper);
        report.check(unanswered > 0, "load: requests without an answer within " + settings.hangSeconds()
                + " s (timeout or broken connection): " + unanswered);
        Ledger ledger = load.ledger();
        report.check(ledger.wrongAcknowledgements() > 0,
                "load: 201 answers whose inserted + unchanged is not the batch size: " + ledger.wrongAcknowledgements());
        ReadingLog acknowledged = ledger.acknowledged;
        Verdict verdict = verify("load", acknowledged, ledger.inDoubt, ledger.refused, loadSensors);
        checkAggregations(acknowledged, verdict);
    }

    private void outagePhase(ApiTraffic api) throws Exception {
        OutagePhase outage = new OutagePhase(settings, api, database, outageSensors);
        OutagePhase.Timeline at = outage.run();
        List<Exchange> exchanges = api.exchanges();
        report.requests("outage", exchanges);

        long graceNanos = settings.graceSeconds() * 1_000_000_000L;
        long windowEnd = at.accepting() + graceNanos;
        Predicate<Exchange> duringOutage =
                e -> e.answeredNanos() >= at.killed() && e.sentNanos() <= windowEnd;
        List<Exchange> inWindow = exchanges.stream().filter(duringOutage).toList();
        report.line(String.format(Locale.ROOT, "outage: MariaDB killed at +%s, restarted at +%s, accepting "
                        + "connections at +%s (%s after the restart), phase ended at +%s; outage window: kill to "
                        + "accepting + %d s grace, %d requests in it",
                Report.seconds(at.killed() - at.start()), Report.seconds(at.restarted() - at.start()),
                Report.seconds(at.accepting() - at.start()), Report.seconds(at.accepting() - at.restarted()),
                Report.seconds(at.end() - at.start()), settings.graceSeconds(), inWindow.size()));

        long status500 = exchanges.stream().filter(e -> e.status() == 500).count();
        report.check(status500 > 0, "outage: 500 answers: " + status500 + (status500 == 0 ? ""
                : " (" + Report.byRoute(exchanges.stream().filter(e -> e.status() == 500).toList()) + ")"));
        List<Exchange> outside = exchanges.stream().filter(Exchange::serverError)
                .filter(e -> e.status() != 500 && (e.status() != 503 || !duringOutage.test(e))).toList();
        report.check(!outside.isEmpty(), "outage: other 5xx than 500 outside the outage window, or other than 503 in "
                + "it: " + outside.size() + (outside.isEmpty() ? "" : " (" + Report.byRoute(outside) + ")"));
        long improper = exchanges.stream().filter(e -> e.status() == 503 && !e.proper503()).count();
        long all503 = exchanges.stream().filter(e -> e.status() == 503).count();
        report.check(improper > 0, "outage: 503 answers without problem+json and Retry-After: " + improper + " of "
                + all503);
        List<Exchange> slow = inWindow.stream().filter(e -> e.millis() > settings.outageLimitMillis()).toList();
        double slowest = inWindow.stream().mapToDouble(Exchange::millis).max().orElse(0);
        report.check(!slow.isEmpty(), String.format(Locale.ROOT, "outage: requests in the window slower than %d ms: "
                        + "%d of %d (slowest %.0f ms)%s", settings.outageLimitMillis(), slow.size(), inWindow.size(),
                slowest, slow.isEmpty() ? "" : "; " + Report.byRoute(slow)));

        Optional<Long> firstSuccess = exchanges.stream().filter(Exchange::succeeded)
                .map(Exchange::answeredNanos).filter(t -> t >= at.accepting()).min(Long::compare);
        Optional<Long> lastError = exchanges.stream().filter(Exchange::failed).map(Exchange::answeredNanos)
                .filter(t -> t >= at.accepting()).max(Long::compare);
        report.check(firstSuccess.isEmpty()
                        || firstSuccess.get() - at.accepting() > settings.recoveryLimitMillis() * 1_000_000L,
                "outage: first 2xx after the database accepted connections again: "
                        + firstSuccess.map(t -> Report.seconds(t - at.accepting())).orElse("never")
                        + " (limit " + settings.recoveryLimitMillis() + " ms)");
        report.line("outage: error-free (every answer the expected one) "
                + lastError.map(t -> "from " + Report.seconds(t - at.accepting()) + " after")
                        .orElse("from the moment")
                + " the database accepted connections again");
        report.line("outage: batches sent again after a 503, a broken connection, a timeout or another 5xx: "
                + outage.retries());
        Ledger ledger = outage.ledger();
        report.check(ledger.wrongAcknowledgements() > 0, "outage: 201 answers whose inserted + unchanged is not the "
                + "batch size: " + ledger.wrongAcknowledgements());
        verify("outage", ledger.acknowledged, ledger.inDoubt, ledger.refused, outageSensors);
    }

    private Verdict verify(String phase, ReadingLog acknowledged, ReadingLog inDoubt, ReadingLog refused,
            List<String> sensors) throws Exception {
        Verdict verdict;
        try (Connection connection = database.connect()) {
            verdict = StoredReadings.check(connection, sensors, acknowledged, inDoubt, refused);
        }
        report.line(String.format(Locale.ROOT, "%s: acknowledged readings %,d; rows stored %,d; readings refused "
                        + "(4xx/503) %,d, in doubt (no answer or other 5xx) %,d of which stored %,d",
                phase, verdict.acknowledged(), verdict.stored(), refused.size(), inDoubt.size(),
                verdict.storedInDoubt()));
        report.check(verdict.missing() > 0, phase + ": acknowledged readings missing: " + verdict.missing());
        report.check(verdict.wrongValue() > 0, phase + ": acknowledged readings stored with another value: "
                + verdict.wrongValue());
        report.check(verdict.duplicates() > 0, phase + ": readings stored more than once: " + verdict.duplicates());
        report.check(verdict.storedRefused() + verdict.unexpected() > 0, phase + ": rows stored though their batch "
                + "was refused: " + verdict.storedRefused() + "; rows never sent: " + verdict.unexpected());
        return verdict;
    }

    /**
     * The busiest clean sensor-days (only acknowledged rows) of the first sensors: the service's aggregation of
     * the day, alone and as a one-day range, and its values of the day, against the acknowledged readings.
     */
    private void checkAggregations(ReadingLog acknowledged, Verdict verdict) throws Exception {
        Map<Long, Integer> counts = StoredReadings.countsByDay(acknowledged);
        List<String> mismatches = new ArrayList<>();
        List<double[]> days = new ArrayList<>();
        List<DaySummary> answered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int sensor = 0; sensor < Math.min(settings.aggregationChecks(), loadSensors.size()); sensor++) {
            int s = sensor;
            Optional<Map.Entry<Long, Integer>> busiest = counts.entrySet().stream()
                    .filter(e -> (e.getKey() >>> 32) == s && !verdict.dirtyDays().contains(e.getKey()))
                    .max(Map.Entry.comparingByValue());
            if (busiest.isEmpty()) {
                continue;
            }
            long epochDay = busiest.get().getKey() & 0xffff_ffffL;
            String id = loadSensors.get(s);
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            String name = id + " " + date;
            double[] values = StoredReadings.dayValues(acknowledged, s, epochDay);
            DaySummary expected = DaySummary.of(values);

            Answer day = checks.get(Route.DAY_AGGREGATION, "daily_aggregations/" + id + "/" + date);
            Answer range = checks.get(Route.AGGREGATION_RANGE, "sensors/" + id + "/daily_aggregations?from=" + date
                    + "&to=" + date);
            Answer listed = checks.get(Route.DAY_VALUES, "sensor_values/" + id + "/" + date);
            if (day.status() != 200 || range.status() != 200 || listed.status() != 200) {
                mismatches.add(name + ": answered " + day.status() + "/" + range.status() + "/" + listed.status());
                continue;
            }
            DaySummary summary = DaySummary.from(day.object());
            names.add(name);
            days.add(values);
            answered.add(summary);
            String difference = summary.differencesFrom(expected);
            if (!difference.isEmpty()) {
                mismatches.add(name + " (day): " + difference);
            }
            JsonArray ranged = range.array();
            String rangeDifference = ranged.size() == 1
                    ? DaySummary.from(ranged.getJsonObject(0)).differencesFrom(expected) : "days " + ranged.size();
            if (!rangeDifference.isEmpty()) {
                mismatches.add(name + " (range): " + rangeDifference);
            }
            if (!sameValues(listed.object().getJsonArray("values"), values)) {
                mismatches.add(name + " (day values): not the acknowledged values in time order");
            }
        }
        report.check(days.isEmpty() || !mismatches.isEmpty(), "load: daily aggregations (day, one-day range, day "
                + "values) of " + days.size() + " sensor-days (" + days.stream().mapToInt(d -> d.length).sum()
                + " readings) against the acknowledged readings, quartiles as numpy's linear percentile: "
                + (days.isEmpty() ? "no clean sensor-day to check" : mismatches.isEmpty() ? "all equal"
                : String.join("; ", mismatches)));
        compareWithNumpy(names, days, answered);
    }

    private void compareWithNumpy(List<String> names, List<double[]> days, List<DaySummary> answered)
            throws Exception {
        if (days.isEmpty()) {
            return;
        }
        if (!NumpyCheck.available()) {
            report.line("load: numpy comparison skipped: python3 with numpy is not available");
            return;
        }
        Path work = project.resolve("target/reliability");
        Optional<List<double[]>> numpy = NumpyCheck.quartilesAndMeans(days, work);
        if (numpy.isEmpty()) {
            report.fail("load: python3 with numpy failed; see target/reliability/numpy-err.txt");
            return;
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            double[] q = numpy.get().get(i);
            DaySummary service = answered.get(i);
            DaySummary fromNumpy = new DaySummary(service.count(), service.min(), q[0], q[1], q[2], service.max(),
                    q[3]);
            String difference = service.differencesFrom(fromNumpy);
            if (!difference.isEmpty()) {
                differences.add(names.get(i) + ": " + difference);
            }
        }
        report.check(!differences.isEmpty(), "load: the same sensor-days against real numpy "
                + "(percentile [25, 50, 75] bit for bit, mean within " + DaySummary.MEAN_TOLERANCE + "): "
                + (differences.isEmpty() ? "all equal" : String.join("; ", differences)));
    }

    private static boolean sameValues(JsonArray listed, double[] values) {
        if (listed == null || listed.size() != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            double value = Double.parseDouble(((JsonNumber) listed.get(i)).toString());
            if (Double.doubleToLongBits(value) != Double.doubleToLongBits(values[i])) {
                return false;
            }
        }
        return true;
    }
}
