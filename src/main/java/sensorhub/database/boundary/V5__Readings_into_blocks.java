package sensorhub.database.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import sensorhub.database.control.BlockFormatV1;

/**
 * Moves the readings of V2's {@code sensor_values}, one row per reading, into V4's {@code reading_blocks}, then
 * drops the old table. A Java migration because the blocks are encoded here, in block format version 1 by a frozen
 * copy of the codec ({@link BlockFormatV1}). It reads the old table by key in chunks, so a database of any size
 * migrates in bounded memory (an hour of one sensor at a time), inside Flyway's transaction: a failure leaves the
 * old table as it was.
 */
public class V5__Readings_into_blocks extends BaseJavaMigration {

    static final int READINGS_PER_QUERY = 100_000;
    static final int ROWS_PER_WRITE = 256;
    static final String NEXT = "SELECT sensor_key, creation_date, measured_value FROM sensor_values "
            + "WHERE sensor_key > ? OR (sensor_key = ? AND creation_date > ?) "
            + "ORDER BY sensor_key, creation_date LIMIT " + READINGS_PER_QUERY;
    static final String INSERT = "INSERT INTO reading_blocks (sensor_key, block_start, block_end, reading_count, "
            + "first_micros, last_micros, first_value, last_value, min_value, max_value, value_sum, readings, "
            + "revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement next = connection.prepareStatement(NEXT);
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Hours hours = new Hours(insert);
            long key = Long.MIN_VALUE;
            long micros = Long.MIN_VALUE;
            int fetched;
            do {
                next.setLong(1, key);
                next.setLong(2, key);
                next.setLong(3, micros);
                fetched = 0;
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        fetched++;
                        key = rows.getLong(1);
                        micros = rows.getLong(2);
                        hours.add(key, micros, rows.getDouble(3));
                    }
                }
            } while (fetched == READINGS_PER_QUERY);
            hours.flush();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE sensor_values");
        }
    }

    /** The readings of the current sensor and hour, written as its blocks when the next hour starts. */
    private static final class Hours {
        private final PreparedStatement insert;
        private int pendingRows;
        private long sensorKey;
        private long hour = Long.MIN_VALUE;
        private long[] micros = new long[4096];
        private double[] values = new double[4096];
        private int size;

        Hours(PreparedStatement insert) {
            this.insert = insert;
        }

        void add(long key, long time, double value) throws SQLException {
            if (key != sensorKey || BlockFormatV1.hourOf(time) != hour) {
                endHour();
                sensorKey = key;
                hour = BlockFormatV1.hourOf(time);
            }
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            micros[size] = time;
            values[size++] = value;
        }

        private void endHour() throws SQLException {
            if (size == 0) {
                return;
            }
            for (BlockFormatV1.Row row : BlockFormatV1.hour(micros, values, size)) {
                bind(row);
                insert.addBatch();
                pendingRows++;
            }
            size = 0;
            if (pendingRows >= ROWS_PER_WRITE) {
                insert.executeBatch();
                pendingRows = 0;
            }
        }

        void flush() throws SQLException {
            endHour();
            if (pendingRows > 0) {
                insert.executeBatch();
                pendingRows = 0;
            }
        }

        private void bind(BlockFormatV1.Row row) throws SQLException {
            boolean empty = row.count() == 0;
            Object[] columns = {sensorKey, row.start(), row.end(), row.count(),
                empty ? null : row.firstMicros(), empty ? null : row.lastMicros(),
                empty ? null : row.firstValue(), empty ? null : row.lastValue(),
                empty ? null : row.min(), empty ? null : row.max(), row.sum(), row.readings()};
            for (int i = 0; i < columns.length; i++) {
                insert.setObject(i + 1, columns[i]);
            }
        }
    }
}
