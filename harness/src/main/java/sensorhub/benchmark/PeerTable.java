package sensorhub.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The table: the service (REST JSON, REST CSV, line protocol) and each peer in a row, every peer's figure
 * beside the ratio service/peer. Above 1 the service writes faster but spends more CPU, answers slower, or stores
 * more.
 */
final class PeerTable {

    private static final String SAME = "(as above)";
    private static final String NOT_MEASURED = "not measured";

    private final BenchmarkSettings settings;
    private final PeerResult json;
    private final PeerResult csv;
    private final PeerResult line;

    PeerTable(BenchmarkSettings settings, PeerResult json, PeerResult csv, PeerResult line) {
        this.settings = settings;
        this.json = json;
        this.csv = csv;
        this.line = line;
    }

    List<String> markdown(List<PeerResult> peers) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "### Beside its peers, same run (%,d readings of %d sensors, batches of "
                        + "%,d from %d clients, the median of %d rounds; a day of %,d readings; %d days of %d "
                        + "readings)",
                json.ingest().median().written(), settings.sensors(), settings.batchSize(), settings.clients(),
                settings.ingestRounds(), settings.dayReadings(), settings.rangeDays(), settings.rangeReadingsPerDay()));
        lines.add("");
        lines.add("| system | ingest, readings/s | CPU-s per million readings (storing side; client) "
                + "| day statistics: first / repeated p50 / p99 | year of daily statistics, repeated p50 "
                + "| bytes stored per reading: noisy / regular |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        lines.add(row(json, null));
        lines.add(row(csv, null));
        lines.add(row(line, null));
        peers.forEach(peer -> lines.add(row(peer, json)));
        lines.add("");
        lines.add("Ingest rounds, readings/s in order: " + String.join("; ", rounds(peers)) + ".");
        return lines;
    }

    /** Each row's rounds, "InfluxDB 1.6 (Debian), HTTP line protocol 1,002,705 / 998,112 / ...". */
    private List<String> rounds(List<PeerResult> peers) {
        return Stream.concat(Stream.of(json, csv, line), peers.stream())
                .map(result -> result.system().split(";")[0] + " " + result.ingest().rates()).toList();
    }

    private String row(PeerResult result, PeerResult service) {
        boolean peer = service != null;
        List<String> cells = new ArrayList<>(List.of(result.system(),
                number(rate(result)) + (peer ? " — " + pathRatios(rate(result), rate(json), rate(csv), rate(line))
                        : ""),
                String.format(Locale.ROOT, "%.1f s (%s); client %.1f s", result.storeCpuPerMillion(),
                        result.storeCpuParts(), result.clientCpuPerMillion())
                        + (peer ? " — " + pathRatios(result.storeCpuPerMillion(), json.storeCpuPerMillion(),
                        csv.storeCpuPerMillion(), line.storeCpuPerMillion()) : "")));
        PeerQueries.Figures queries = result.queries();
        if (queries == null && peer && result.noisy() != null) {
            // a peer measured for its ingest and bytes alone
            cells.addAll(List.of(NOT_MEASURED, NOT_MEASURED, bytes(result.noisy()) + " / " + NOT_MEASURED
                    + " — service/peer " + ratio(service.noisy().perReading(), result.noisy().perReading()) + " / -"));
        } else if (queries == null) {
            cells.addAll(List.of(SAME, SAME, SAME));
        } else {
            PeerQueries.Figures ours = service == null ? null : service.queries();
            cells.add(millis(queries.dayFirstMillis()) + " / " + millis(queries.dayRepeated().median()) + " / "
                    + millis(queries.dayRepeated().percentile(99))
                    + (peer ? " — service/peer " + ratio(ours.dayFirstMillis(), queries.dayFirstMillis()) + " / "
                    + ratio(ours.dayRepeated().median(), queries.dayRepeated().median()) + " / "
                    + ratio(ours.dayRepeated().percentile(99), queries.dayRepeated().percentile(99)) : ""));
            cells.add(millis(queries.yearRepeated().median()) + (peer ? " — service/peer "
                    + ratio(ours.yearRepeated().median(), queries.yearRepeated().median()) : ""));
            cells.add(bytes(result.noisy()) + " / " + bytes(result.regular()) + (peer ? " — service/peer "
                    + ratio(service.noisy().perReading(), result.noisy().perReading()) + " / "
                    + ratio(service.regular().perReading(), result.regular().perReading()) : ""));
        }
        return "| " + String.join(" | ", cells) + " |";
    }

    private static double rate(PeerResult result) {
        return result.ingest().median().perSecond();
    }

    private static String pathRatios(double peer, double viaJson, double viaCsv, double viaLine) {
        return "JSON/peer " + ratio(viaJson, peer) + ", CSV/peer " + ratio(viaCsv, peer) + ", line protocol/peer "
                + ratio(viaLine, peer);
    }

    static String ratio(double service, double peer) {
        return String.format(Locale.ROOT, "**%.2f**", service / peer);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String millis(double ms) {
        return Latencies.millis(ms);
    }

    private static String bytes(StorageSize size) {
        return String.format(Locale.ROOT, "%.1f", size.perReading());
    }
}
