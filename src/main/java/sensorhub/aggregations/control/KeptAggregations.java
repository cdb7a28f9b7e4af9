package sensorhub.aggregations.control;

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
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import sensorhub.aggregations.entity.DailyAggregation;
import sensorhub.blocks.entity.ReadingsWritten;
import sensorhub.database.control.Sql;
import sensorhub.database.control.TransientFailures;
import sensorhub.numbers.entity.Statistics;
import sensorhub.time.control.DayWindow;

/**
 * Daily statistics computed once and kept in {@code daily_aggregates}, and forgotten when readings are
 * written into their day, so that a kept row is never out of date, with any number of instances.
 *
 * <p>A request that computes days first <em>claims</em> their rows and commits the claims, then reads the
 * readings, then fills each row only if its claim still stands. A write of readings deletes the rows of its
 * days twice: in its own transaction, and again once it has committed. So a claim made before the write
 * committed is deleted and its fill comes to nothing, while a claim made after it reads the new readings.
 */
@Stateless
public class KeptAggregations {

    static final String COLUMNS = "epoch_day, value_count, min_val, q1, median, q3, max_val, mean";
    static final String FIND = "SELECT " + COLUMNS + " FROM daily_aggregates "
            + "WHERE sensor_key = ? AND zone_id = ? AND epoch_day >= ? AND epoch_day <= ? AND value_count IS NOT NULL";
    /** Claims unfilled rows of a span of days, whoever claimed them before (a claim may be a crashed request's). */
    static final String STEAL = "UPDATE daily_aggregates SET claim = ? WHERE sensor_key = ? AND zone_id = ? "
            + "AND epoch_day >= ? AND epoch_day <= ? AND value_count IS NULL";
    static final String ROWS = "SELECT epoch_day, claim FROM daily_aggregates "
            + "WHERE sensor_key = ? AND zone_id = ? AND epoch_day >= ? AND epoch_day <= ?";
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

    /** The kept statistics of a sensor's day, if any: the answer to a repeated request, in one round trip. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DailyAggregation> find(long sensorKey, DayWindow day) {
        return between(sensorKey, day.zone(), day.day(), day.day()).values().stream().findFirst();
    }

    /** The kept days of a sensor from {@code from} to {@code to}, inclusive. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<LocalDate, DailyAggregation> between(long sensorKey, ZoneId zone, LocalDate from, LocalDate to) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(FIND)) {
                query.setLong(1, sensorKey);
                query.setString(2, zone.getId());
                query.setLong(3, from.toEpochDay());
                query.setLong(4, to.toEpochDay());
                Map<LocalDate, DailyAggregation> kept = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        DailyAggregation aggregation = aggregation(rows, 1);
                        kept.put(aggregation.date(), aggregation);
                    }
                }
                return kept;
            }
        });
    }

    /** The aggregation in the row's columns {@link #COLUMNS}, starting at column {@code first}. */
    private static DailyAggregation aggregation(ResultSet row, int first) throws SQLException {
        LocalDate date = LocalDate.ofEpochDay(row.getLong(first));
        long count = row.getLong(first + 1);
        return count == 0 ? DailyAggregation.empty(date) : new DailyAggregation(date, count, new Statistics(
                row.getDouble(first + 2), row.getDouble(first + 3), row.getDouble(first + 4),
                row.getDouble(first + 5), row.getDouble(first + 6), row.getDouble(first + 7)));
    }

    /**
     * Claims the days for computing, all in one transaction committed at once, in a fixed number of statements:
     * one claim for all of them, set on the span's unfilled rows, then rows inserted for the days that have none.
     * A day another request inserted meanwhile is left out: the caller computes it without keeping the result.
     *
     * @param days in time order
     * @return the claim on each day claimed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<LocalDate, Long> claim(long sensorKey, List<DayWindow> days) {
        long claim = CLAIMS.nextLong();
        ZoneId zone = days.get(0).zone();
        long first = days.get(0).day().toEpochDay();
        long last = days.get(days.size() - 1).day().toEpochDay();
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement steal = connection.prepareStatement(STEAL)) {
                steal.setLong(1, claim);
                bindSpan(steal, 2, sensorKey, zone, first, last);
                steal.executeUpdate();
            }
            Map<Long, Long> rows = rows(connection, sensorKey, zone, first, last);
            List<DayWindow> unclaimed = days.stream().filter(day -> !rows.containsKey(day.day().toEpochDay()))
                    .toList();
            boolean insertedAll = unclaimed.isEmpty() || inserted(connection, claim, sensorKey, unclaimed);
            Map<Long, Long> held = insertedAll ? rows : rows(connection, sensorKey, zone, first, last);
            Map<LocalDate, Long> claims = new HashMap<>();
            for (DayWindow day : days) {
                Long holder = held.get(day.day().toEpochDay());
                if (holder == null ? insertedAll : holder == claim) {
                    claims.put(day.day(), claim);
                }
            }
            return claims;
        });
    }

    /** The claim on each row of the span, by epoch day (0 for a filled row). */
    private static Map<Long, Long> rows(Connection connection, long sensorKey, ZoneId zone, long first, long last)
            throws SQLException {
        Map<Long, Long> rows = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ROWS)) {
            bindSpan(query, 1, sensorKey, zone, first, last);
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    rows.put(found.getLong(1), found.getLong(2));
                }
            }
        }
        return rows;
    }

    /**
     * Whether the claim's rows were all inserted; not where another request's claim took a day first, which
     * leaves the batch's rows in doubt: the caller reads them back.
     */
    private static boolean inserted(Connection connection, long claim, long sensorKey, List<DayWindow> days)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            for (DayWindow day : days) {
                insert.setLong(1, claim);
                insert.setLong(2, sensorKey);
                insert.setString(3, day.zone().getId());
                insert.setLong(4, day.day().toEpochDay());
                insert.setLong(5, day.startMicros());
                insert.setLong(6, day.endMicros());
                insert.addBatch();
            }
            insert.executeBatch();
            return true;
        } catch (SQLException e) {
            if (TransientFailures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void bindSpan(PreparedStatement statement, int first, long sensorKey, ZoneId zone, long from,
            long to) throws SQLException {
        statement.setLong(first, sensorKey);
        statement.setString(first + 1, zone.getId());
        statement.setLong(first + 2, from);
        statement.setLong(first + 3, to);
    }

    /** Keeps statistics computed under claims, in one transaction, except where a write ended the claim. */
    public void fill(long sensorKey, ZoneId zone, Map<LocalDate, Long> claims, List<DailyAggregation> computed) {
        Sql.run(dataSource, connection -> {
            try (PreparedStatement fill = connection.prepareStatement(FILL)) {
                for (DailyAggregation aggregation : computed) {
                    Long claim = claims.get(aggregation.date());
                    if (claim != null) {
                        bindFill(fill, sensorKey, zone, claim, aggregation);
                        fill.addBatch();
                    }
                }
                fill.executeBatch();
            }
            return null;
        });
    }

    private static void bindFill(PreparedStatement fill, long sensorKey, ZoneId zone, long claim,
            DailyAggregation aggregation) throws SQLException {
        fill.setLong(1, aggregation.count());
        Statistics s = aggregation.statistics();
        double[] statistics = s == null ? null : new double[] {s.min(), s.q1(), s.median(), s.q3(), s.max(),
                s.mean()};
        for (int i = 0; i < 6; i++) {
            if (statistics == null) {
                fill.setNull(2 + i, Types.DOUBLE);
            } else {
                fill.setDouble(2 + i, statistics[i]);
            }
        }
        fill.setLong(8, sensorKey);
        fill.setString(9, zone.getId());
        fill.setLong(10, aggregation.date().toEpochDay());
        fill.setLong(11, claim);
    }

    /** Forgets the days readings were written into, in the writing transaction. */
    public void forget(@Observes(during = TransactionPhase.IN_PROGRESS) ReadingsWritten written) {
        Sql.run(dataSource, connection -> {
            forget(connection, written);
            return null;
        });
    }

    private static void forget(Connection connection, ReadingsWritten written) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
            for (ReadingsWritten.Span span : written.spans()) {
                forget.setLong(1, span.sensorKey());
                forget.setLong(2, span.fromMicros() - LONGEST_DAY_MICROS);
                forget.setLong(3, span.toMicros());
                forget.setLong(4, span.fromMicros());
                forget.addBatch();
            }
            forget.executeBatch();
        }
    }

    /**
     * Forgets them again once the write committed, ending claims made while it was under way. Outside any
     * transaction, so the DELETEs commit as they run: a transaction of their own cost two round trips more
     * (autocommit off, then on again) and the container's begin and commit, a tenth of an ingest batch's CPU.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsWritten written) {
        forget(written);
    }
}
