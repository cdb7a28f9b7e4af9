package sensorhub.retention.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import sensorhub.blocks.control.BlockCell;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.numbers.control.ExactSum;

/** Every statement on {@code hourly_rollups}, on one connection of the caller's transaction. */
public final class RollupRows {

    static final String INSERT = "INSERT INTO hourly_rollups (sensor_key, hour_start, reading_count, first_micros, "
            + "last_micros, first_bits, last_bits, min_bits, max_bits, value_sum) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String BETWEEN = "SELECT hour_start, reading_count, first_micros, last_micros, first_bits, "
            + "last_bits, min_bits, max_bits, value_sum FROM hourly_rollups WHERE sensor_key = ? AND hour_start >= ? "
            + "AND hour_start < ? ORDER BY hour_start";

    private final Connection connection;

    public RollupRows(Connection connection) {
        this.connection = connection;
    }

    public void insert(long sensorKey, List<BlockHeader> rollups) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (BlockHeader hour : rollups) {
                insert.setLong(1, sensorKey);
                insert.setLong(2, hour.startMicros());
                insert.setInt(3, hour.count());
                insert.setLong(4, hour.firstMicros());
                insert.setLong(5, hour.lastMicros());
                insert.setLong(6, Double.doubleToRawLongBits(hour.firstValue()));
                insert.setLong(7, Double.doubleToRawLongBits(hour.lastValue()));
                insert.setLong(8, Double.doubleToRawLongBits(hour.min()));
                insert.setLong(9, Double.doubleToRawLongBits(hour.max()));
                insert.setBytes(10, hour.sum().toBytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The rollups of the hours starting in {@code [fromMicros, toMicros)}, in time order. */
    public List<BlockHeader> between(long sensorKey, long fromMicros, long toMicros) throws SQLException {
        List<BlockHeader> rollups = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(BETWEEN)) {
            query.setLong(1, sensorKey);
            query.setLong(2, fromMicros);
            query.setLong(3, toMicros);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long start = rows.getLong(1);
                    rollups.add(new BlockHeader(start, start + BlockCell.HOUR_MICROS,
                            rows.getInt(2), rows.getLong(3), rows.getLong(4), value(rows, 5), value(rows, 6),
                            value(rows, 7), value(rows, 8), ExactSum.fromBytes(rows.getBytes(9))));
                }
            }
        }
        return rollups;
    }

    private static double value(ResultSet row, int column) throws SQLException {
        return Double.longBitsToDouble(row.getLong(column));
    }
}
