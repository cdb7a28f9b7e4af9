package sensorhub.database.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.blocks.control.BlockCodec;
import sensorhub.testing.MemoryDatabase;

/** V5 moves a filled {@code sensor_values} into blocks: every reading, bit for bit, and then drops the table. */
class ReadingsIntoBlocksMigrationTest {

    static final long T0 = 1_767_225_600_000_000L;

    record Row(long sensorKey, long micros, double value) {
    }

    @Test
    void movesEveryReadingOfEverySensorIntoBlocksAndDropsTheOldTable() throws SQLException {
        try (MemoryDatabase database = new MemoryDatabase("4")) {
            long first = database.sensor("a");
            long second = database.sensor("b");
            List<Row> expected = new ArrayList<>();
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO sensor_values (sensor_key, creation_date, measured_value) VALUES (?, ?, ?)")) {
                // 250,000 readings: more than one query's worth, and hours of 'b' with more than a block holds.
                for (int i = 0; i < 250_000; i++) {
                    long key = i % 5 == 0 ? first : second;
                    Row row = new Row(key, key == first ? T0 + i * 1_000_003L : T0 + i * 10_000L, i * 0.001 - 7);
                    insert.setLong(1, row.sensorKey());
                    insert.setLong(2, row.micros());
                    insert.setDouble(3, row.value());
                    insert.addBatch();
                    expected.add(row);
                }
                insert.executeBatch();
            }

            database.migrate(null);

            List<Row> moved = new ArrayList<>();
            try (Connection connection = database.dataSource().getConnection();
                    ResultSet rows = connection.createStatement().executeQuery("SELECT sensor_key, readings "
                            + "FROM reading_blocks WHERE reading_count > 0 ORDER BY sensor_key, block_start")) {
                while (rows.next()) {
                    BlockCodec.Block block = BlockCodec.decode(rows.getBytes(2));
                    for (int i = 0; i < block.micros().length; i++) {
                        moved.add(new Row(rows.getLong(1), block.micros()[i], block.values()[i]));
                    }
                }
                assertThrows(SQLException.class,
                        () -> connection.createStatement().executeQuery("SELECT COUNT(*) FROM sensor_values"));
            }
            expected.sort(Comparator.comparingLong(Row::sensorKey).thenComparingLong(Row::micros));
            assertEquals(expected, moved);
        }
    }
}
