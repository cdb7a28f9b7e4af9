package sensorhub.influx.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sensorhub.blocks.boundary.ReadingBlocks;
import sensorhub.influx.control.CatalogRows.SeriesRow;
import sensorhub.influx.control.CatalogRows;
import sensorhub.influxql.control.InfluxQl;
import sensorhub.influxql.control.Points;
import sensorhub.influxql.control.QueryException;
import sensorhub.influxql.control.ResultSeries;
import sensorhub.influxql.control.Selection;
import sensorhub.influxql.control.SeriesInfo;
import sensorhub.influxql.control.Shows;
import sensorhub.influxql.control.Statement;
import sensorhub.influxql.control.StatementResult;
import sensorhub.sensors.boundary.Sensors;

/**
 * InfluxQL answered from the catalog of what was written through InfluxDB's API ({@link InfluxCatalog}), the
 * sensors' tags and the block store. Statements are answered in order; the first that fails ends the query with
 * its error, as in InfluxDB.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InfluxQueries {

    /** Readings one statement reads at most: a day of 1 Hz readings of 23 series; beyond, it is refused. */
    static final int MAX_READINGS = 2_000_000;

    @Inject
    InfluxCatalog catalog;

    @EJB
    Sensors sensors;

    @EJB
    ReadingBlocks blocks;

    @Inject
    Clock clock;

    /**
     * The statements of the query text, parsed.
     *
     * @throws QueryException for text that is no InfluxQL this service reads
     */
    public List<Statement> parse(String query) {
        return InfluxQl.parse(query, nowNanos());
    }

    public List<StatementResult> run(List<Statement> statements, Optional<String> database) {
        List<StatementResult> results = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            try {
                results.add(StatementResult.of(i, answer(statements.get(i), database)));
            } catch (QueryException e) {
                results.add(StatementResult.failed(i, e.getMessage()));
                break;
            }
        }
        return results;
    }

    private List<ResultSeries> answer(Statement statement, Optional<String> given) {
        if (statement instanceof Statement.Invalid invalid) {
            throw new QueryException(invalid.error());
        }
        if (statement instanceof Statement.CreateDatabase create) {
            catalog.noteDatabase(InfluxDatabases.checked(create.name()));
            return List.of();
        }
        if (statement instanceof Statement.ShowDatabases) {
            return Shows.databases(catalog.databases());
        }
        String database = statement.database().or(() -> given).filter(d -> !d.isEmpty())
                .orElseThrow(() -> new QueryException("database name required"));
        if (!catalog.databases().contains(database)) {
            throw new QueryException("database not found: " + database);
        }
        if (statement instanceof Statement.ShowRetentionPolicies) {
            return Shows.retentionPolicies();
        }
        List<SeriesInfo> series = series(database, statement);
        if (statement instanceof Statement.ShowMeasurements show) {
            return Shows.measurements(show, series);
        } else if (statement instanceof Statement.ShowTagKeys show) {
            return Shows.tagKeys(show, series);
        } else if (statement instanceof Statement.ShowTagValues show) {
            return Shows.tagValues(show, series);
        } else if (statement instanceof Statement.ShowFieldKeys show) {
            return Shows.fieldKeys(show, series);
        } else if (statement instanceof Statement.Select select) {
            return Selection.run(select, series, new BoundedReads(), nowNanos());
        }
        throw new IllegalStateException("no answer for " + statement);
    }

    /** The database's series a statement may look at (a SELECT's measurements only), with their sensors' tags. */
    private List<SeriesInfo> series(String database, Statement statement) {
        List<SeriesRow> rows = catalog.series(database);
        if (statement instanceof Statement.Select select) {
            rows = rows.stream().filter(r -> select.from().matches(r.measurement())).toList();
        }
        Map<Long, Map<String, String>> tags = sensors.tagsOf(rows.stream().map(SeriesRow::sensorKey).distinct()
                .toList());
        return rows.stream().map(r -> new SeriesInfo(r.sensorKey(), r.measurement(), r.field(),
                tags.getOrDefault(r.sensorKey(), Map.of()), CatalogRows.INTEGER.equals(r.fieldType()))).toList();
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Reads of one statement, refused once they pass {@link #MAX_READINGS} together. */
    private final class BoundedReads implements Selection.PointSource {
        private int read;

        @Override
        public Points read(long sensorKey, long fromMicros, long toMicros) {
            ReadingBlocks.Columns readings = blocks.columns(sensorKey, fromMicros, toMicros, MAX_READINGS - read + 1);
            read += readings.size();
            if (read > MAX_READINGS) {
                throw new QueryException("the statement reads more than " + MAX_READINGS + " readings: narrow its "
                        + "time range or its series");
            }
            return new Points(readings.micros(), readings.values(), readings.size());
        }
    }
}
