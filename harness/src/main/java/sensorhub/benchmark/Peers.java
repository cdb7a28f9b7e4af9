package sensorhub.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 11's comparison: InfluxDB and PostgreSQL given the service's work with the service's data, each through
 * its own fastest path, one after the other with the service stopped; their answers held against the service's,
 * and the peers table. A peer that cannot be measured is named in the notes, and the others still are.
 */
final class Peers {

    private final Path project;
    private final BenchmarkSettings settings;
    private final ResultTable table;

    Peers(Path project, BenchmarkSettings settings, ResultTable table) {
        this.project = project;
        this.settings = settings;
        this.table = table;
    }

    /**
     * {@code grafana}: the panel timing the peers add to; {@code percentiles}: the service's percentiles over ranges
     * (issue 21), or null where they failed.
     */
    void measure(PeerResult json, PeerResult csv, PeerResult line, DayStatistics serviceDay, GrafanaPanel grafana,
            RangePercentiles.Figures percentiles) {
        Workload workload = Workload.of(settings, "bench-");
        List<PeerResult> rows = new ArrayList<>();
        if (settings.measures("influxdb")) {
            try {
                PeerResult influx = InfluxPeer.measure(project, settings, workload, table, grafana);
                compare("InfluxDB", serviceDay, influx, false);
                rows.add(influx);
            } catch (Exception e) {
                table.note("**InfluxDB not measured**: " + e);
            }
        }
        if (settings.measures("postgresql")) {
            try {
                List<PeerResult> postgres = PostgresPeer.measure(settings, workload, table);
                compare("PostgreSQL", serviceDay, postgres.get(0), true);
                rows.addAll(postgres);
            } catch (Exception e) {
                table.note("**PostgreSQL not measured**: " + e);
            }
        }
        RangePercentiles.Figures postgresPercentiles = null;
        if (settings.measures("postgresql") && percentiles != null) {
            try {
                postgresPercentiles = PostgresPeer.percentiles(settings, table);
            } catch (Exception e) {
                table.note("**PostgreSQL's percentiles over ranges not measured**: " + e);
            }
        }
        if (settings.measures("victoriametrics")) {
            try {
                PeerResult victoria = VictoriaPeer.measure(project, settings, workload, table, grafana);
                compare("VictoriaMetrics", serviceDay, victoria, true);
                if (serviceDay != null) {
                    // linear as numpy's, but its interpolation may round otherwise: the bits are told, not checked
                    table.note("VictoriaMetrics' quartiles and median (quantiles_over_time, linear) beside the "
                            + "service's (numpy's): " + serviceDay.quantilesBeside(victoria.queries().day()) + ".");
                }
                rows.add(victoria);
            } catch (Exception e) {
                table.note("**VictoriaMetrics not measured**: " + e);
            }
        }
        if (settings.measures("questdb")) {
            try {
                PeerResult quest = QuestPeer.measure(project, settings, workload, table);
                compareApproximate("QuestDB", serviceDay, quest);
                rows.add(quest);
            } catch (Exception e) {
                table.note("**QuestDB not measured**: " + e);
            }
        }
        table.peers(new PeerTable(settings, json, csv, line).markdown(rows));
        if (percentiles != null) {
            table.section(RangePercentiles.markdown(settings, percentiles, postgresPercentiles));
        }
        describe();
    }

    /** Whether the peer counted the same day and range as the service, and computed the same statistics. */
    private void compare(String peer, DayStatistics service, PeerResult result, boolean quartiles) {
        PeerQueries.Figures queries = result.queries();
        if (service == null || !service.agrees(queries.day(), quartiles)) {
            table.note("**check failed**: " + peer + "'s day statistics (" + queries.day() + ") differ from the "
                    + "service's (" + service + ")");
        } else if (!quartiles) {
            table.note(String.format(Locale.ROOT, "%s's day statistics agree with the service's; its quartiles "
                            + "are nearest-rank: q1 %s and q3 %s, the service's (interpolated, as numpy and "
                            + "percentile_cont) %s and %s%s.", peer, queries.day().q1(), queries.day().q3(),
                    service.q1(), service.q3(), service.agrees(queries.day(), true)
                            ? " (the same here: rounded values have ties)" : ""));
        }
        checkYear(peer, queries);
    }

    /** As {@link #compare}, for a peer whose median and quartiles are approximate: how far they are is told. */
    private void compareApproximate(String peer, DayStatistics service, PeerResult result) {
        PeerQueries.Figures queries = result.queries();
        if (service == null || !service.agreesBesideQuantiles(queries.day())) {
            table.note("**check failed**: " + peer + "'s day statistics (" + queries.day() + ") differ from the "
                    + "service's (" + service + ")");
        } else {
            table.note(peer + "'s count, min, max and mean of the day agree with the service's; its approximate "
                    + "quantiles beside the service's exact ones: " + service.distanceOf(queries.day()) + ".");
        }
        checkYear(peer, queries);
    }

    private void checkYear(String peer, PeerQueries.Figures queries) {
        if (queries.yearDays() != settings.rangeDays()) {
            table.note("**check failed**: " + peer + " answered " + queries.yearDays() + " days of the range, of "
                    + settings.rangeDays());
        }
    }

    private void describe() {
        table.note("Peers: each writes the same readings as the service's ingest (and the same day, year and "
                + "regular sensors) into a store of its own, from the same " + settings.clients() + " clients in "
                + String.format(Locale.ROOT, "batches of %,d", settings.batchSize()) + ", after warm-up readings "
                + "on the same path; the timed rounds start empty, each round appending every sensor's next "
                + String.format(Locale.ROOT, "%,d seconds", settings.readingsPerSensor()) + ". Their queries "
                + "follow the service's order and counts (warm-up days, first, " + Untimed.described()
                + ", then the repeats) and are timed at the client "
                + "from sending to the whole answer read, as the service's are. The service keeps a day's "
                + "statistics once computed; the peers compute them at every query.");
        table.note("CPU-s per million: the storing side's CPU during the timed ingest (work deferred to later, "
                + "such as InnoDB or PostgreSQL flushing pages, is not in it; InfluxDB's, compressing its cache "
                + "into TSM files once writes stop, is given apart, and not in the ratio): the "
                + "service's server and MariaDB; influxd; PostgreSQL's server processes (backends of the benchmark's "
                + "database, the auxiliary processes, and ended children through the postmaster's counters). Client: "
                + "the benchmark's JVM, bodies already rendered (PostgreSQL INSERT binds its parameters in it).");
        table.note("Bytes per reading: noisy = the ingest data (the service's: the growth of its readings tables "
                + "over the CSV ingest); regular = the same sensors' daily wave without its noise, rounded to the "
                + "thousandth alike. PostgreSQL: pg_total_relation_size of its table with its index after VACUUM "
                + "ANALYZE.");
    }
}
