package sensorhub.influx;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import sensorhub.benchmark.InfluxServer;
import sensorhub.benchmark.PayaraServer;

/**
 * The service's InfluxDB API held against the real InfluxDB 1.6 (Debian's influxd): the same line protocol written
 * to both, the same queries asked of both (Grafana's shapes, the CLI's SHOW statements, every function, fills, time
 * zones, tags, regular expressions, limits, CSV, epoch units, errors), the answers compared value for value.
 * Only the order of rows of different series at the same time may differ, which InfluxDB does not fix.
 * {@code -Dinflux.tolerance=1e-12} allows numbers that far apart (relatively). Writes target/influx-differential.md;
 * exits 1 on any difference.
 */
public final class InfluxDifferential {

    static final int SERVICE_PORT = 28580;
    static final int INFLUX_PORT = 28586;
    static final int INFLUX_RPC_PORT = 28588;
    static final String KEY = "influx-differential-admin-key";
    static final String DB = "diff";
    /** How far a number may be from InfluxDB's, relatively: none by default (value for value). */
    static final double RELATIVE_TOLERANCE = Double.parseDouble(System.getProperty("influx.tolerance", "0"));
    /** 2026-04-20T00:00:00Z in seconds: two days of readings from here. */
    static final long DAY = 1_776_643_200L;
    static final int UNTIMED = 10;
    static final int TIMED = 40;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();
    private int differences;

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = project.resolve("target/influx-differential");
        PayaraServer.deleteRecursively(work);
        InfluxDifferential check = new InfluxDifferential();
        try (InfluxServer influx = InfluxServer.start(project, work.resolve("influxdb"), INFLUX_PORT, INFLUX_RPC_PORT);
                PayaraServer service = PayaraServer.start(project, new PayaraServer.Launch(work.resolve("payara"),
                        SERVICE_PORT, List.of(), List.of("--postbootcommandfile",
                                project.resolve("server-config/payara/h2-file.asadmin").toString()),
                        Map.of("SENSORS_ADMIN_KEY", KEY,
                                "SENSORS_H2_FILE", work.resolve("h2/sensorhub").toString())))) {
            check.run(influx.base(), service.base());
        }
        Files.writeString(project.resolve("target/influx-differential.md"), String.join("\n", check.report) + "\n");
        System.out.println(String.join("\n", check.report));
        if (check.differences > 0) {
            System.exit(1);
        }
    }

    private void run(URI influx, URI service) throws IOException, InterruptedException {
        String lines = dataset();
        report.add("# The service's InfluxDB API against InfluxDB 1.6");
        report.add("");
        report.add("Written to both: " + lines.lines().count() + " lines of line protocol (precision s).");
        for (URI target : List.of(influx, service)) {
            expect(204, send(target, "query?q=" + encode("CREATE DATABASE " + DB), "POST", null));
            expect(204, send(target, "write?db=" + DB + "&precision=s", "POST", lines));
        }
        report.add("");
        int compared = 0;
        for (Query query : queries()) {
            HttpResponse<String> want = send(influx, query.pathAndQuery(), "GET", query.accept());
            HttpResponse<String> got = send(service, query.pathAndQuery(), "GET", query.accept());
            compared++;
            String difference = difference(want, got, query.accept() != null);
            if (difference != null) {
                differences++;
                report.add("- DIFFERENT: `" + query.text() + "` " + query.extra() + ": " + difference);
                report.add("  - InfluxDB: `" + abbreviated(want.body()) + "`");
                report.add("  - service:  `" + abbreviated(got.body()) + "`");
            }
        }
        report.add("");
        report.add(compared + " queries compared, " + (compared - differences) + " answered alike, " + differences
                + " differently.");
        timeGrafanasMeanPerMinute(influx, service);
    }

    /**
     * How long each takes to answer Grafana's panel query over a day of 1 Hz readings of one sensor, the median and
     * 90th percentile of {@link #TIMED} answers after {@link #UNTIMED} untimed ones, asked in turn of each so that
     * the machine's noise falls on both. A figure, not a check.
     */
    private void timeGrafanasMeanPerMinute(URI influx, URI service) throws IOException, InterruptedException {
        String q = "SELECT mean(\"value\") FROM \"second\" WHERE (\"sensor\" = 's1') AND time >= " + DAY * 1000
                + "ms and time <= " + ((DAY + 86_400) * 1000 - 1) + "ms GROUP BY time(1m) fill(null)";
        Query query = new Query(q, "&epoch=ms", null);
        List<Double> influxMillis = new ArrayList<>();
        List<Double> serviceMillis = new ArrayList<>();
        for (int i = 0; i < UNTIMED + TIMED; i++) {
            for (URI target : List.of(influx, service)) {
                long start = System.nanoTime();
                HttpResponse<String> answer = send(target, query.pathAndQuery(), "GET", null);
                double millis = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() != 200 || !answer.body().contains("\"values\"")) {
                    throw new IllegalStateException(target + " answered " + answer.statusCode() + ": "
                            + abbreviated(answer.body()));
                }
                if (i >= UNTIMED) {
                    (target == influx ? influxMillis : serviceMillis).add(millis);
                }
            }
        }
        report.add("");
        report.add(String.format(Locale.ROOT, "Grafana's mean per minute over a day of 1 Hz readings (`%s`), %d "
                + "answers each, in turn: InfluxDB p50 %.1f ms, p90 %.1f ms; the service p50 %.1f ms, p90 %.1f ms "
                + "(service/InfluxDB %.2f at p50).", q, TIMED, percentile(influxMillis, 50),
                percentile(influxMillis, 90), percentile(serviceMillis, 50), percentile(serviceMillis, 90),
                percentile(serviceMillis, 50) / percentile(influxMillis, 50)));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Two days of readings, seeded: air in three rooms on two floors (room a every 10 s with a gap of an hour, b
     * every 30 s, c a few), an integer field, Home Assistant's shape (measurement °C), Telegraf's cpu, and a day
     * of 1 Hz readings of one sensor (measurement second) for Grafana's panel query, timed on both.
     */
    public static String dataset() {
        Random random = new Random(20_260_420);
        StringBuilder lines = new StringBuilder();
        for (long t = DAY; t < DAY + 2 * 86_400; t += 10) {
            boolean gap = t >= DAY + 36_000 && t < DAY + 39_600;
            if (!gap) {
                lines.append("air,floor=1,room=a value=").append(noisy(random, t, 21)).append(',')
                        .append("hum=").append(40 + random.nextInt(20)).append("i ").append(t).append('\n');
            }
            if ((t - DAY) % 30 == 0 && (t - DAY) % 7_200 < 5_400) {
                lines.append("air,floor=2,room=b value=").append(noisy(random, t, 18)).append(' ').append(t)
                        .append('\n');
            }
            if ((t - DAY) % 3_600 == 0) {
                lines.append("air,floor=2,room=c value=").append(noisy(random, t, 25)).append(' ').append(t)
                        .append('\n');
                lines.append("°C,domain=sensor,entity_id=living value=").append(noisy(random, t, 22))
                        .append(",friendly_name_str=\"Living\" ").append(t).append('\n');
            }
            if (t < DAY + 86_400) {
                for (long second = t; second < t + 10; second++) {
                    lines.append("second,sensor=s1 value=").append(noisy(random, second, 20)).append(' ')
                            .append(second).append('\n');
                }
            }
            if ((t - DAY) % 60 == 0 && t < DAY + 86_400) {
                for (String host : List.of("h1", "h2")) {
                    double idle = Math.round(900 + random.nextGaussian() * 30) / 10.0;
                    lines.append("cpu,cpu=cpu-total,host=").append(host).append(" usage_idle=").append(idle)
                            .append(",usage_user=").append(Math.round((100 - idle) * 6) / 10.0).append(' ').append(t)
                            .append('\n');
                }
            }
        }
        return lines.toString();
    }

    private static String noisy(Random random, long t, double around) {
        return Double.toString(Math.round((around + 3 * Math.sin(t / 5_000.0) + random.nextGaussian()) * 100) / 100.0);
    }

    record Query(String text, String extra, String accept) {
        String pathAndQuery() {
            return "query?db=" + DB + "&q=" + encode(text) + extra;
        }
    }

    /** Grafana's and the CLI's statements, and the rest of the contract's InfluxQL. */
    static List<Query> queries() {
        long from = (DAY + 30_000) * 1000;
        long to = from + 3 * 3_600_000 - 1;
        String grafana = "time >= " + from + "ms and time <= " + to + "ms";
        String twoDays = "time >= '2026-04-20T00:00:00Z' AND time < '2026-04-22T00:00:00Z'";
        List<Query> queries = new ArrayList<>();
        for (String q : List.of("SHOW DATABASES", "SHOW MEASUREMENTS", "SHOW MEASUREMENTS WITH MEASUREMENT =~ /a.*/",
                "SHOW TAG KEYS", "SHOW TAG KEYS FROM \"air\"", "SHOW TAG VALUES FROM \"air\" WITH KEY = \"room\"",
                "SHOW TAG VALUES WITH KEY IN (\"room\", \"floor\")", "SHOW TAG VALUES FROM \"cpu\" WITH KEY = \"host\" "
                        + "WHERE \"cpu\" = 'cpu-total'", "SHOW TAG VALUES WITH KEY =~ /ro.*/",
                "SHOW FIELD KEYS FROM \"air\"", "SHOW FIELD KEYS FROM \"cpu\"", "SHOW RETENTION POLICIES ON " + DB,
                "SHOW RETENTION POLICIES")) {
            queries.add(new Query(q, "", null));
        }
        for (String fill : List.of("null", "none", "previous", "linear", "0", "-1.5")) {
            queries.add(new Query("SELECT mean(\"value\") FROM \"air\" WHERE (\"room\" = 'a') AND " + grafana
                    + " GROUP BY time(1m) fill(" + fill + ")", "&epoch=ms", null));
        }
        queries.add(new Query("SELECT mean(\"value\") FROM \"air\" WHERE " + grafana
                + " GROUP BY time(5m), \"room\" fill(null)", "&epoch=ms", null));
        queries.add(new Query("SELECT mean(\"usage_idle\") FROM \"cpu\" WHERE (\"host\" =~ /^(h1|h2)$/) AND " + grafana
                + " GROUP BY time(10m), \"host\"::tag fill(null)", "&epoch=ms", null));
        queries.add(new Query("SELECT count(\"value\"), min(\"value\"), max(\"value\"), sum(\"value\"), "
                + "first(\"value\"), last(\"value\"), spread(\"value\"), median(\"value\"), percentile(\"value\", 95), "
                + "percentile(\"value\", 5), mean(\"value\"), stddev(\"value\") FROM \"air\" WHERE " + twoDays
                + " GROUP BY time(6h), \"room\"", "", null));
        queries.add(new Query("SELECT max(\"hum\"), sum(\"hum\"), mean(\"hum\") FROM \"air\" WHERE " + twoDays
                + " GROUP BY time(1h) fill(-1.5)", "", null));
        queries.add(new Query("SELECT mean(\"value\") FROM \"air\" WHERE " + twoDays
                + " GROUP BY time(1d) tz('America/New_York')", "", null));
        queries.add(new Query("SELECT mean(\"value\") FROM \"air\" WHERE " + twoDays
                + " GROUP BY time(1h) tz('Europe/Berlin')", "", null));
        queries.add(new Query("SELECT mean(\"value\") FROM \"air\" WHERE " + twoDays
                + " GROUP BY time(1h, 15m)", "&epoch=s", null));
        queries.add(new Query("SELECT max(\"value\") FROM \"air\" WHERE " + twoDays, "", null));
        queries.add(new Query("SELECT min(\"value\") FROM \"air\" WHERE \"room\" != 'a' AND " + twoDays, "", null));
        queries.add(new Query("SELECT last(\"value\") FROM \"air\" WHERE \"room\" !~ /b/ AND " + twoDays, "", null));
        queries.add(new Query("SELECT max(\"value\"), min(\"value\") FROM \"air\" WHERE " + twoDays, "", null));
        queries.add(new Query("SELECT mean(\"value\") AS \"avg\", max(\"value\"), max(\"value\") FROM \"air\" WHERE "
                + twoDays + " GROUP BY time(12h)", "", null));
        queries.add(new Query("SELECT mean(\"value\") / 2 FROM \"air\" WHERE " + twoDays + " GROUP BY time(12h)", "",
                null));
        queries.add(new Query("SELECT count(\"value\") FROM \"air\" WHERE " + twoDays
                + " GROUP BY \"room\" SLIMIT 2", "", null));
        queries.add(new Query("SELECT \"value\", \"hum\" FROM \"air\" WHERE \"room\" = 'a' AND " + grafana
                + " LIMIT 20", "", null));
        queries.add(new Query("SELECT \"value\" FROM \"air\" WHERE \"room\" = 'a' AND " + twoDays
                + " ORDER BY time DESC LIMIT 5", "&epoch=ns", null));
        queries.add(new Query("SELECT * FROM \"cpu\" WHERE " + grafana + " LIMIT 10", "", null));
        queries.add(new Query("SELECT \"value\" FROM \"°C\" WHERE " + twoDays + " LIMIT 5", "", null));
        queries.add(new Query("SELECT mean(\"value\") FROM \"air\" WHERE (\"room\" = 'a' OR \"room\" = 'c') AND "
                + twoDays + " GROUP BY time(1d), \"room\"", "", "application/csv"));
        queries.add(new Query("SHOW TAG VALUES WITH KEY = \"room\"", "", "application/csv"));
        // the two panels of docs/grafana/sensorhub-influxql.json, as Grafana expands $timeFilter and $__interval
        queries.add(new Query("SELECT mean(\"usage_idle\") AS \"mean\", min(\"usage_idle\") AS \"min\", "
                + "max(\"usage_idle\") AS \"max\" FROM \"cpu\" WHERE " + grafana
                + " GROUP BY time(2m), * fill(null)", "&epoch=ms", null));
        queries.add(new Query("SELECT count(\"value\"), mean(\"value\"), median(\"value\"), percentile(\"value\", 95), "
                + "spread(\"value\") FROM \"air\" WHERE " + grafana + " GROUP BY * tz('UTC')", "&epoch=ms", null));
        queries.add(new Query("SELECT foo(\"value\") FROM \"air\"", "", null));
        queries.add(new Query("SELEC mean(\"value\") FROM \"air\"", "", null));
        queries.add(new Query("SELECT mean(\"value\") FROM \"nosuch\" WHERE " + twoDays, "", null));
        return queries;
    }

    /** Why the answers differ, or null where they agree as far as the two may. */
    static String difference(HttpResponse<String> want, HttpResponse<String> got, boolean csv) {
        if (want.statusCode() != got.statusCode()) {
            return "status " + want.statusCode() + " against " + got.statusCode();
        }
        if (csv) {
            return difference(csvCells(want.body()), csvCells(got.body()), "csv");
        }
        JsonValue expected = Json.createReader(new StringReader(want.body())).readValue();
        JsonValue actual = Json.createReader(new StringReader(got.body())).readValue();
        return difference(normalized(expected), normalized(actual), "");
    }

    /** A CSV answer as rows of cells, numbers as numbers, to be compared as JSON answers are. */
    private static JsonArray csvCells(String body) {
        var rows = Json.createArrayBuilder();
        for (String line : body.strip().split("\n")) {
            var cells = Json.createArrayBuilder();
            for (String cell : line.split(",", -1)) {
                try {
                    cells.add(Double.parseDouble(cell));
                } catch (NumberFormatException e) {
                    cells.add(cell);
                }
            }
            rows.add(cells);
        }
        return rows.build();
    }

    /** The answer with each series' rows at equal times in one order (InfluxDB fixes none across its series). */
    private static JsonValue normalized(JsonValue value) {
        if (!(value instanceof JsonObject object) || !object.containsKey("results")) {
            return value;
        }
        var results = Json.createArrayBuilder();
        for (JsonValue result : object.getJsonArray("results")) {
            var copy = Json.createObjectBuilder(result.asJsonObject());
            if (result.asJsonObject().containsKey("series")) {
                var series = Json.createArrayBuilder();
                for (JsonValue one : result.asJsonObject().getJsonArray("series")) {
                    List<JsonValue> rows = new ArrayList<>(one.asJsonObject().getJsonArray("values"));
                    rows.sort(Comparator.comparing((JsonValue row) -> row.asJsonArray().get(0).toString())
                            .thenComparing(JsonValue::toString));
                    series.add(Json.createObjectBuilder(one.asJsonObject()).add("values",
                            Json.createArrayBuilder(rows)));
                }
                copy.add("series", series);
            }
            results.add(copy);
        }
        return Json.createObjectBuilder().add("results", results).build();
    }

    private static String difference(JsonValue want, JsonValue got, String path) {
        if (want instanceof JsonNumber w && got instanceof JsonNumber g) {
            double a = w.doubleValue();
            double b = g.doubleValue();
            boolean close = a == b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
            return close ? null : path + ": " + w + " against " + g;
        }
        if (want instanceof JsonArray w && got instanceof JsonArray g) {
            if (w.size() != g.size()) {
                return path + ": " + w.size() + " items against " + g.size();
            }
            for (int i = 0; i < w.size(); i++) {
                String d = difference(w.get(i), g.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (want instanceof JsonObject w && got instanceof JsonObject g) {
            if (!w.keySet().equals(g.keySet())) {
                return path + ": keys " + w.keySet() + " against " + g.keySet();
            }
            for (String key : w.keySet()) {
                String d = difference(w.get(key), g.get(key), path + "." + key);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (want instanceof JsonString w && got instanceof JsonString g) {
            return w.getString().equals(g.getString()) ? null : path + ": \"" + w.getString() + "\" against \""
                    + g.getString() + "\"";
        }
        return want.equals(got) ? null : path + ": " + want + " against " + got;
    }

    private HttpResponse<String> send(URI base, String pathAndQuery, String method, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Token " + KEY);
        if ("POST".equals(method)) {
            request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
        } else if (body != null) {
            request.header("Accept", body).GET();
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status && !(status == 204 && response.statusCode() == 200)) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        String line = body.replace('\n', ' ');
        return line.length() > 600 ? line.substring(0, 600) + "..." : line;
    }
}
