package sensorhub.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 20's done-when: Grafana's panel query, the mean of each minute over a day of 1 Hz readings of one sensor,
 * asked of the service and of InfluxDB in InfluxQL on {@code /query} as Grafana's InfluxDB data source sends it,
 * and of VictoriaMetrics in MetricsQL on {@code /api/v1/query_range} as Grafana's Prometheus data source sends it;
 * timed alike and set side by side in a small table. Each system holds the day sensor's measured day written
 * through its line protocol with the sensor in a {@code sensor} tag: the service takes a {@code sensor_id} tag for
 * the sensor's id and keeps no such tag, so Grafana's {@code WHERE} could not name it there.
 */
final class GrafanaPanel {

    /** The service's InfluxDB database that holds the panel's series. */
    static final String DATABASE = "grafana";
    private static final String TAG = "sensor";
    private static final long DAY_MILLIS = 86_400_000;
    private static final long STEP_MILLIS = 60_000;

    /** Where an answer holds its rows, [time, mean] each. */
    enum Format {
        INFLUXQL("/results/0/series/0/values"), PROMETHEUS("/data/result/0/values");

        private final String rows;

        Format(String rows) {
            this.rows = rows;
        }
    }

    /** One system's request for the panel: the answer's body, read whole. */
    @FunctionalInterface
    interface Answer extends PeerQueries.Query {
        @Override
        String ask() throws Exception;
    }

    /** A system as the table names it, how to ask it for the panel, and how to read its answer. */
    record Panel(String system, Format format, Answer answer) {
    }

    private record Timed(String system, int minutes, Latencies millis) {
    }

    private final BenchmarkSettings settings;
    private final long fromMillis;
    private final List<Timed> timed = new ArrayList<>();

    GrafanaPanel(BenchmarkSettings settings) {
        this.settings = settings;
        this.fromMillis = Workload.micros(Workload.measuredDay(settings)) / 1000;
    }

    /** The day sensor's measured day, the readings the day statistics count, as line protocol batches. */
    List<ConcurrentBatches.Body> day() {
        ReadingSeries day = Workload.day(settings);
        return ConcurrentBatches.Body.of(ReadingSeries.interleaved(List.of(day), settings.batchSize(),
                day.count() - settings.dayReadings(), day.count()),
                slice -> slice.lineProtocol(InfluxPeer.MEASUREMENT, TAG));
    }

    /** Grafana's InfluxQL, its {@code $timeFilter} (whole milliseconds, both ends in) and 1m interval expanded. */
    String influxQl() {
        return "SELECT mean(\"value\") FROM \"" + InfluxPeer.MEASUREMENT + "\" WHERE (\"" + TAG + "\" = '"
                + Workload.day(settings).sensorId() + "') AND time >= " + fromMillis + "ms and time <= "
                + toMillis() + "ms GROUP BY time(1m) fill(null)";
    }

    /**
     * Grafana's Prometheus request over the same range: start and end in seconds, aligned down to the step as
     * Grafana aligns them. Each point is the mean of the minute before it ({@code (t-1m, t]}), where InfluxQL's
     * minute starts at its time. {@code cached}: as Grafana sends it, which VictoriaMetrics' rollup result cache
     * may answer; otherwise with {@code nocache=1}, computed at every request.
     */
    String prometheusPath(boolean cached) {
        String query = "avg_over_time(" + VictoriaPeer.METRIC + "{" + TAG + "=\"" + Workload.day(settings).sensorId()
                + "\"}[1m])";
        return "/api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start="
                + fromMillis / 1000 + "&end=" + toMillis() / STEP_MILLIS * STEP_MILLIS / 1000 + "&step="
                + STEP_MILLIS / 1000 + (cached ? "" : "&nocache=1");
    }

    /**
     * Once the machine has {@link Settled}, counts the minutes of one answer of each panel, then times them in
     * turns as the peers' statistics are timed ({@link PeerQueries#inTurns}).
     */
    void time(List<Panel> panels) throws Exception {
        Settled.machine();
        List<Integer> minutes = new ArrayList<>();
        for (Panel panel : panels) {
            minutes.add(minutes(panel.format(), panel.answer().ask()));
        }
        List<Latencies> millis = PeerQueries.inTurns(settings.dayRepeats(),
                panels.stream().<PeerQueries.Query>map(Panel::answer).toList());
        for (int i = 0; i < panels.size(); i++) {
            timed.add(new Timed(panels.get(i).system(), minutes.get(i), millis.get(i)));
        }
    }

    /** The table, the service's row first (it is timed before its peers), each peer's beside service/peer. */
    void report(ResultTable table) {
        if (timed.isEmpty()) {
            return;
        }
        Timed service = timed.get(0);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "### Grafana's panel, same run: the mean of each minute of a day of %,d "
                + "readings of one sensor, p50 / p90 of %d answers", settings.dayReadings(), settings.dayRepeats()));
        lines.add("");
        lines.add("| system, query | minutes with a mean | p50 / p90 | service/system p50 / p90 |");
        lines.add("| --- | --- | --- | --- |");
        for (Timed one : timed) {
            Latencies millis = one.millis();
            lines.add("| " + one.system() + String.format(Locale.ROOT, " | %,d | ", one.minutes())
                    + Latencies.millis(millis.median()) + " / " + Latencies.millis(millis.percentile(90)) + " | "
                    + (one == service ? "" : PeerTable.ratio(service.millis().median(), millis.median()) + " / "
                    + PeerTable.ratio(service.millis().percentile(90), millis.percentile(90))) + " |");
        }
        table.section(lines);
        table.note("Grafana's panel: the service and InfluxDB are asked `" + influxQl() + "` with epoch=ms, "
                + "VictoriaMetrics `" + URLDecoder.decode(prometheusPath(true), StandardCharsets.UTF_8) + "`, whose "
                + "points are the minutes ending at their time. Each system holds the "
                + "day sensor's measured day, written through its line protocol (the service's into its database `"
                + DATABASE + "`); each is asked alone on the machine (the peers run with the service stopped), once "
                + "it was idle, after " + Untimed.described() + "; VictoriaMetrics' two forms in turns.");
    }

    /** How many minutes the answer has a mean for; 0 for an error's answer or one without the series. */
    private static int minutes(Format format, String body) {
        try {
            JsonArray rows = Json.createReader(new StringReader(body)).read().getValue(format.rows).asJsonArray();
            return (int) rows.stream().filter(row -> row.asJsonArray().get(1) != JsonValue.NULL).count();
        } catch (JsonException | ClassCastException notThePanel) {
            return 0;
        }
    }

    private long toMillis() {
        return fromMillis + DAY_MILLIS - 1;
    }
}
