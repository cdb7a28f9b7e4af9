package sensorhub.aggregations.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import sensorhub.aggregations.control.Summary;
import sensorhub.aggregations.entity.DailyAggregate;
import sensorhub.database.control.TransientFailures;
import sensorhub.readings.entity.ReadingsWritten;
import sensorhub.time.control.DayWindow;

/**
 * Daily statistics computed once and kept in {@code daily_aggregates}, and forgotten when readings are
 * written into their day, so that a kept row is never out of date, with any number of instances.
 *
 * <p>A request that computes a day first <em>claims</em> its row and commits the claim, then reads the
 * readings, then fills the row only if its claim still stands. A write of readings deletes the rows of its
 * days twice: in its own transaction, and again once it has committed. So a claim made before the write
 * committed is deleted and its fill comes to nothing, while a claim made after it reads the new readings.
 */
@Stateless
public class KeptAggregates {

    static final String COLUMNS = "epoch_day, value_count, min_val, q1, median, q3, max_val, mean";
    static final String FIND = "SELECT " + COLUMNS + " FROM daily_aggregates "
            + "WHERE sensor_key = ? AND zone_id = ? AND epoch_day >= ? AND epoch_day <= ? AND value_count IS NOT NULL";
    static final String SENSOR_DAY = "SELECT s.sensor_key, s.unit, a.epoch_day, a.value_count, a.min_val, a.q1, "
            + "a.median, a.q3, a.max_val, a.mean FROM sensors s LEFT JOIN daily_aggregates a "
            + "ON a.sensor_key = s.sensor_key AND a.zone_id = ? AND a.epoch_day = ? AND a.value_count IS NOT NULL "
            + "WHERE s.id = ?";
    static final String STEAL = "UPDATE daily_aggregates SET claim = ? "
            + "WHERE sensor_key = ? AND zone_id = ? AND epoch_day = ? AND value_count IS NULL";
    static final String CLAIM = "INSERT INTO daily_aggregates (claim, sensor_key, zone_id, epoch_day, day_start, "
            + "day_end) VALUES (?, ?, ?, ?, ?, ?)";
    static final String FILL = "UPDATE daily_aggregates SET claim = NULL, value_count = ?, min_val = ?, q1 = ?, "
            + "median = ?, q3 = ?, max_val = ?, mean = ? "
            + "WHERE sensor_key = ? AND zone_id = ? AND epoch_day = ? AND claim = ?";
    /** Days are at most 26 hours long, so a row overlapping a span starts at most this long before it. */
    static final long LONGEST_DAY_MICROS = 26 * 3_600_000_000L;
    static final String FORGET = "DELETE FROM daily_aggregates "
            + "WHERE sensor_key = ? AND day_start > ? AND day_start <= ? AND day_end > ?";

    private static final SecureRandom CLAIMS = new SecureRandom();

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /**
     * The sensor named {@code sensorId} with its kept statistics of the day, if any, in one query: the answer to
     * a repeated request, so it costs one round trip. Empty when no sensor has the id.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SensorDay> find(String sensorId, DayWindow day) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SENSOR_DAY)) {
            query.setString(1, day.zone().getId());
            query.setLong(2, day.day().toEpochDay());
            query.setString(3, sensorId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                DailyAggregate kept = row.getObject(3) == null ? null : aggregate(row, 3);
                return Optional.of(new SensorDay(row.getLong(1), row.getString(2), kept));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a kept aggregate failed", e);
        }
    }

    /** A sensor's key and unit, and its kept statistics of a day, or null where none are kept. */
    public record SensorDay(long sensorKey, String unit, DailyAggregate kept) {
    }

    /** The kept days of a sensor from {@code from} to {@code to}, inclusive. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<LocalDate, DailyAggregate> between(long sensorKey, ZoneId zone, LocalDate from, LocalDate to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setLong(1, sensorKey);
            query.setString(2, zone.getId());
            query.setLong(3, from.toEpochDay());
            query.setLong(4, to.toEpochDay());
            Map<LocalDate, DailyAggregate> kept = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    DailyAggregate aggregate = aggregate(rows, 1);
                    kept.put(aggregate.date(), aggregate);
                }
            }
            return kept;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading kept aggregates failed", e);
        }
    }

    /** The aggregate in the row's columns {@link #COLUMNS}, starting at column {@code first}. */
    private static DailyAggregate aggregate(ResultSet row, int first) throws SQLException {
        LocalDate date = LocalDate.ofEpochDay(row.getLong(first));
        long count = row.getLong(first + 1);
        return count == 0 ? new DailyAggregate(date, 0, null) : new DailyAggregate(date, count, new Summary(count,
                row.getDouble(first + 2), row.getDouble(first + 3), row.getDouble(first + 4),
                row.getDouble(first + 5), row.getDouble(first + 6), row.getDouble(first + 7)));
    }

    /**
     * Claims the day for computing, committed at once; empty when another request holds the row, in which case
     * the caller computes without keeping the result.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OptionalLong claim(long sensorKey, DayWindow day) {
        long claim = CLAIMS.nextLong();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement steal = connection.prepareStatement(STEAL)) {
                steal.setLong(1, claim);
                bindDay(steal, 2, sensorKey, day);
                if (steal.executeUpdate() == 1) {
                    return OptionalLong.of(claim);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
                insert.setLong(1, claim);
                bindDay(insert, 2, sensorKey, day);
                insert.setLong(5, day.startMicros());
                insert.setLong(6, day.endMicros());
                insert.executeUpdate();
                return OptionalLong.of(claim);
            } catch (SQLException e) {
                if (TransientFailures.isUniqueViolation(e)) {
                    return OptionalLong.empty();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming a day to aggregate failed", e);
        }
    }

    /** Keeps the statistics computed under {@code claim}, unless a write of readings has forgotten the claim. */
    public void fill(long sensorKey, DayWindow day, long claim, DailyAggregate aggregate) {
        Summary s = aggregate.summary();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement fill = connection.prepareStatement(FILL)) {
            fill.setLong(1, aggregate.count());
            double[] statistics = s == null ? null : new double[] {s.min(), s.q1(), s.median(), s.q3(), s.max(),
                    s.mean()};
            for (int i = 0; i < 6; i++) {
                if (statistics == null) {
                    fill.setNull(2 + i, java.sql.Types.DOUBLE);
                } else {
                    fill.setDouble(2 + i, statistics[i]);
                }
            }
            bindDay(fill, 8, sensorKey, day);
            fill.setLong(11, claim);
            fill.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Keeping an aggregate failed", e);
        }
    }

    private static void bindDay(PreparedStatement statement, int first, long sensorKey, DayWindow day)
            throws SQLException {
        statement.setLong(first, sensorKey);
        statement.setString(first + 1, day.zone().getId());
        statement.setLong(first + 2, day.day().toEpochDay());
    }

    /** Forgets the days readings were written into, in the writing transaction. */
    public void forget(@Observes(during = TransactionPhase.IN_PROGRESS) ReadingsWritten written) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(FORGET)) {
            for (ReadingsWritten.Span span : written.spans()) {
                forget.setLong(1, span.sensorKey());
                forget.setLong(2, span.fromMicros() - LONGEST_DAY_MICROS);
                forget.setLong(3, span.toMicros());
                forget.setLong(4, span.fromMicros());
                forget.addBatch();
            }
            forget.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Forgetting aggregates failed", e);
        }
    }

    /** Forgets them again once the write committed, ending claims made while it was under way. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsWritten written) {
        forget(written);
    }
}
