package sensorhub.database.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import sensorhub.readings.control.BlockCell;
import sensorhub.readings.control.BlockRow;
import sensorhub.readings.control.ReadingBlockTable;

/**
 * Moves the readings of V2's {@code sensor_values}, one row per reading, into V4's {@code reading_blocks}, then
 * drops the old table. A Java migration because the blocks are encoded here, by the service's own codec. It
 * reads the old table by key in chunks, so a database of any size migrates in bounded memory (an hour of one
 * sensor at a time), inside Flyway's transaction: a failure leaves the old table as it was.
 */
public class V5__Readings_into_blocks extends BaseJavaMigration {

    static final int READINGS_PER_QUERY = 100_000;
    static final int ROWS_PER_WRITE = 256;
    static final String NEXT = "SELECT sensor_key, creation_date, measured_value FROM sensor_values "
            + "WHERE sensor_key > ? OR (sensor_key = ? AND creation_date > ?) "
            + "ORDER BY sensor_key, creation_date LIMIT " + READINGS_PER_QUERY;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Hours hours = new Hours(new ReadingBlockTable(connection));
        long key = Long.MIN_VALUE;
        long micros = Long.MIN_VALUE;
        try (PreparedStatement next = connection.prepareStatement(NEXT)) {
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
        }
        hours.flush();
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE sensor_values");
        }
    }

    /** The readings of the current sensor and hour, written as its blocks when the next hour starts. */
    private static final class Hours {
        private final ReadingBlockTable table;
        private ReadingBlockTable.Writes writes = new ReadingBlockTable.Writes();
        private int pendingRows;
        private long sensorKey;
        private long hour = Long.MIN_VALUE;
        private long[] micros = new long[4096];
        private double[] values = new double[4096];
        private int size;

        Hours(ReadingBlockTable table) {
            this.table = table;
        }

        void add(long key, long time, double value) throws SQLException {
            if (key != sensorKey || BlockCell.hourOf(time) != hour) {
                endHour();
                if (key != sensorKey) {
                    flush();
                }
                sensorKey = key;
                hour = BlockCell.hourOf(time);
            }
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            micros[size] = time;
            values[size++] = value == 0 ? 0.0 : value;
        }

        private void endHour() throws SQLException {
            if (size == 0) {
                return;
            }
            for (BlockCell.Part part : BlockCell.hour(micros[0]).split(micros, 0, size)) {
                writes.insert(BlockRow.of(part.cell(), micros, values, part.from(), part.to()));
                pendingRows++;
            }
            size = 0;
            if (pendingRows >= ROWS_PER_WRITE) {
                flush();
            }
        }

        void flush() throws SQLException {
            endHour();
            if (pendingRows > 0) {
                table.write(sensorKey, writes);
                writes = new ReadingBlockTable.Writes();
                pendingRows = 0;
            }
        }
    }
}
