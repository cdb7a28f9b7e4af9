package sensorhub.influx.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import sensorhub.database.control.Sql;
import sensorhub.influx.control.CatalogRows.SeriesRow;
import sensorhub.influx.control.CatalogRows;

/**
 * The databases and series written through InfluxDB's API. Each instance remembers what it noted (up to
 * {@link #REMEMBERED} entries, then it starts afresh), so that a write of known series costs no catalog statement.
 * A series row goes with its sensor; a sensor made again has another key, so its series is noted anew.
 */
@ApplicationScoped
public class InfluxCatalog {

    static final int REMEMBERED = 100_000;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private final Set<String> noted = ConcurrentHashMap.newKeySet();

    public void noteDatabase(String name) {
        if (!noted.contains(name)) {
            Sql.run(dataSource, connection -> {
                new CatalogRows(connection).noteDatabase(name);
                return null;
            });
            remember(name);
        }
    }

    public void noteSeries(long sensorKey, String database, String measurement, String field, String fieldType) {
        String entry = sensorKey + "\u0000" + database + "\u0000" + measurement + "\u0000" + field;
        if (!noted.contains(entry)) {
            Sql.run(dataSource, connection -> {
                new CatalogRows(connection).noteSeries(sensorKey, database, measurement, field, fieldType);
                return null;
            });
            remember(entry);
        }
    }

    public List<String> databases() {
        return Sql.run(dataSource, connection -> new CatalogRows(connection).databases());
    }

    public List<SeriesRow> series(String database) {
        return Sql.run(dataSource, connection -> new CatalogRows(connection).series(database));
    }

    private void remember(String entry) {
        if (noted.size() >= REMEMBERED) {
            noted.clear();
        }
        noted.add(entry);
    }
}
