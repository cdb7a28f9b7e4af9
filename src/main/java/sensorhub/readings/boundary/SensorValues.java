package sensorhub.readings.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import sensorhub.problems.boundary.Problem;
import sensorhub.problems.boundary.Problem.FieldError;
import sensorhub.problems.boundary.ProblemException;
import sensorhub.readings.control.BatchInsert;
import sensorhub.readings.control.ReadingBatch;
import sensorhub.readings.entity.Reading;
import sensorhub.readings.entity.ReadingsWritten;

/**
 * The {@code sensor_values} table, through JDBC on the container's datasource and transaction: reading rows are
 * too many and too small for entities. Writing readings announces {@link ReadingsWritten}.
 */
@Stateless
public class SensorValues {

    static final String SENSOR_KEYS = "SELECT id, sensor_key FROM sensors WHERE id IN (%s)";
    static final String VALUES = "SELECT measured_value FROM sensor_values "
            + "WHERE sensor_key = ? AND creation_date >= ? AND creation_date < ? ORDER BY creation_date";
    static final String PAGE = "SELECT creation_date, measured_value FROM sensor_values "
            + "WHERE sensor_key = ? AND creation_date >= ? AND creation_date < ? ORDER BY creation_date";
    static final String BOUNDS = "SELECT MIN(creation_date), MAX(creation_date) FROM sensor_values "
            + "WHERE sensor_key = ? AND creation_date >= ? AND creation_date < ?";
    static final int IDS_PER_QUERY = 500;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Event<ReadingsWritten> written;

    public StoreOutcome insert(ReadingBatch batch) {
        try (Connection connection = dataSource.getConnection()) {
            BatchInsert.Result result = BatchInsert.run(connection, batch, sensorKeys(connection, batch));
            if (!result.spans().isEmpty()) {
                written.fire(new ReadingsWritten(result.spans()));
            }
            return new StoreOutcome(result.inserted(), result.unchanged());
        } catch (SQLException e) {
            throw new IllegalStateException("Storing readings failed", e);
        }
    }

    /** The key of each sensor of the batch, by index; 422 naming the items whose sensor is unknown. */
    private static long[] sensorKeys(Connection connection, ReadingBatch batch) throws SQLException {
        List<String> ids = batch.sensorIds();
        Map<String, Long> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            String sql = SENSOR_KEYS.formatted(String.join(",", Collections.nCopies(chunk.size(), "?")));
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        if (found.size() < ids.size()) {
            throw unknownSensors(batch, found);
        }
        return ids.stream().mapToLong(found::get).toArray();
    }

    private static ProblemException unknownSensors(ReadingBatch batch, Map<String, Long> found) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.size() && errors.size() < 100; i++) {
            String id = batch.sensorIds().get(batch.sensorOf(i));
            if (!found.containsKey(id)) {
                errors.add(new FieldError("[" + i + "].sensor_id", "no sensor has the id '" + id + "'"));
            }
        }
        return new ProblemException(Problem.UNPROCESSABLE_CONTENT,
                "Some readings name sensors that are not registered; none was stored.", errors);
    }

    /** The values of a sensor in {@code [fromMicros, toMicros)}, in time order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public double[] values(long sensorKey, long fromMicros, long toMicros) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(VALUES)) {
            bind(query, sensorKey, fromMicros, toMicros);
            double[] values = new double[1024];
            int size = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (size == values.length) {
                        values = Arrays.copyOf(values, size * 2);
                    }
                    values[size++] = rows.getDouble(1);
                }
            }
            return Arrays.copyOf(values, size);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading values failed", e);
        }
    }

    /** At most {@code limit} readings of a sensor in {@code [fromMicros, toMicros)}, in time order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Reading> page(long sensorKey, long fromMicros, long toMicros, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(PAGE)) {
            bind(query, sensorKey, fromMicros, toMicros);
            query.setMaxRows(limit);
            List<Reading> page = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(new Reading(rows.getLong(1), rows.getDouble(2)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a page of readings failed", e);
        }
    }

    /** The first and last time a sensor has readings in {@code [fromMicros, toMicros)}, if it has any. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<long[]> bounds(long sensorKey, long fromMicros, long toMicros) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BOUNDS)) {
            bind(query, sensorKey, fromMicros, toMicros);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long first = rows.getLong(1);
                return rows.wasNull() ? Optional.empty() : Optional.of(new long[] {first, rows.getLong(2)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the bounds of readings failed", e);
        }
    }

    private static void bind(PreparedStatement query, long sensorKey, long fromMicros, long toMicros)
            throws SQLException {
        query.setLong(1, sensorKey);
        query.setLong(2, fromMicros);
        query.setLong(3, toMicros);
    }
}
