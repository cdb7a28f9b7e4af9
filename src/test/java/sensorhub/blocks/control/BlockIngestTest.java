package sensorhub.blocks.control;

import sensorhub.blocks.entity.BlockHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sensorhub.blocks.entity.IngestResult;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.blocks.entity.ReadingsWritten;
import sensorhub.database.control.ConcurrentWriteException;
import sensorhub.numbers.control.ExactSum;
import sensorhub.testing.MemoryDatabase;

/**
 * {@link BlockIngest} on a real database (in-memory H2 with the service's schema), one transaction per call as in
 * the service: what is stored reads back bit for bit, and every block keeps the layout's rules
 * ({@link #assertLayout}).
 */
class BlockIngestTest {

    static final long HOUR = BlockCell.HOUR_MICROS;
    static final long T0 = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

    private MemoryDatabase database;
    private long sensor;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = new MemoryDatabase();
        sensor = database.sensor("s1");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void readsBackEveryReadingBitForBit() throws SQLException {
        Random random = new Random(11);
        List<Stored> expected = new ArrayList<>();
        ReadingBatch batch = new ReadingBatch();
        for (int i = 0; i < 20_000; i++) {
            long micros = T0 + i * 997_001L + random.nextInt(1000);
            double value = switch (i % 5) {
                case 0 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                case 1 -> Double.MIN_VALUE * random.nextInt(1000);
                case 2 -> -Double.MAX_VALUE;
                default -> Math.round(random.nextGaussian() * 1e5) / 1e3;
            };
            batch.add("s1", micros, value);
            expected.add(new Stored(micros, Double.doubleToRawLongBits(value)));
        }

        IngestResult result = store(batch);

        assertEquals(20_000, result.inserted());
        assertEquals(expected, stored());
    }

    @Test
    void countsRepeatsUnchangedAndRefusesOtherValuesWhole() throws SQLException {
        store(batch(T0, 1.0, T0 + 1, 2.0));

        IngestResult repeated = store(batch(T0, 1.0, T0 + 1, 2.0, T0 + 1, 2.0, T0 + 2, 3.0));
        ConflictingReadingsException conflict = assertThrows(ConflictingReadingsException.class,
                () -> store(batch(T0 + 3, 4.0, T0, 1.5)));

        assertEquals(1, repeated.inserted());
        assertEquals(3, repeated.unchanged());
        assertEquals("[1].value", conflict.fields().get(0).name());
        assertEquals(List.of(T0, T0 + 1, T0 + 2), times(stored()));
    }

    @Test
    void keepsNegativeZeroAndTakesAZeroOfEitherSignAgainAsUnchanged() throws SQLException {
        store(batch(T0, -0.0, T0 + 1, 0.0));

        IngestResult again = store(batch(T0, 0.0, T0 + 1, -0.0, T0 + 2, -0.0, T0 + 2, 0.0, T0 + 3, 0.0,
                T0 + 3, -0.0));

        assertEquals(2, again.inserted());
        assertEquals(4, again.unchanged());
        assertEquals(List.of(new Stored(T0, NEGATIVE_ZERO), new Stored(T0 + 1, 0L), new Stored(T0 + 2, NEGATIVE_ZERO),
                new Stored(T0 + 3, 0L)), stored());
    }

    @Test
    void headersAndTheLatestReadingGiveTheSignOfAZeroAsTheReadingsHaveIt() throws SQLException {
        store(batch(T0, -0.0));
        store(batch(T0 + HOUR, 1.5, T0 + HOUR + 1, -0.0, T0 + HOUR + 2, 2.5));
        store(batch(T0 + 2 * HOUR, -0.0, T0 + 2 * HOUR + 1, 0.0));
        store(batch(T0 + 3 * HOUR, 0.0, T0 + 3 * HOUR + 1, 1.25));
        try (Connection connection = transaction()) {
            BlockTable table = new BlockTable(connection);

            List<BlockHeader> headers = table.headers(sensor, T0, T0 + 4 * HOUR);
            assertEquals(List.of(-0.0, -0.0, -0.0, -0.0), signed(headers.get(0)));
            assertEquals(List.of(1.5, 2.5, -0.0, 2.5), signed(headers.get(1)));
            assertEquals(List.of(-0.0, 0.0, -0.0, 0.0), signed(headers.get(2)));
            assertEquals(List.of(0.0, 1.25, 0.0, 1.25), signed(headers.get(3)));

            store(batch(T0 + 4 * HOUR, 2.0, T0 + 4 * HOUR + 1, -0.0));
            assertEquals(NEGATIVE_ZERO, Double.doubleToRawLongBits(table.latest(List.of(sensor)).get(sensor).value()));
            store(batch(T0 + 5 * HOUR, -0.0, T0 + 5 * HOUR + 1, 0.0));
            assertEquals(0L, Double.doubleToRawLongBits(table.latest(List.of(sensor)).get(sensor).value()));
        }
    }

    @Test
    void aLimitedHeaderQueryGivesTheFirstBlocksOfTheRangeInTimeOrder() throws SQLException {
        for (int hour = 5; hour >= 0; hour--) {
            store(batch(T0 + hour * HOUR, (double) hour, T0 + hour * HOUR + 1, hour + 0.5));
        }
        try (Connection connection = transaction()) {
            BlockTable table = new BlockTable(connection);

            List<BlockHeader> first = table.headers(sensor, T0 + HOUR + 1, T0 + 5 * HOUR, 3);

            assertEquals(List.of(T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR),
                    first.stream().map(BlockHeader::firstMicros).toList());
            assertEquals(4, table.headers(sensor, T0 + HOUR + 1, T0 + 5 * HOUR).size());
        }
    }

    static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /** First, last, min and max of a header, as boxed doubles, which compare by their bits. */
    private static List<Double> signed(BlockHeader header) {
        return List.of(header.firstValue(), header.lastValue(), header.min(), header.max());
    }

    @Test
    void refusesAValueThatDiffersFromItsRepeatInTheBatch() {
        ConflictingReadingsException conflict = assertThrows(ConflictingReadingsException.class,
                () -> store(batch(T0, 1.0, T0, 2.0)));

        assertEquals("[1].value", conflict.fields().get(0).name());
    }

    @Test
    void mergesLateAndOutOfOrderReadingsIntoTheBlocksOfTheirTime() throws SQLException {
        store(series(T0 + HOUR / 2, 1_000_000, 1800));
        store(series(T0 - HOUR, 1_000_000, 100));
        store(batch(T0 + HOUR / 2 + 500_000, 7.5, T0 + 3, 1.0, T0 + HOUR / 2 + 1_500_000, 8.5));

        List<Long> times = times(stored());
        assertEquals(1903, times.size());
        assertTrue(isAscending(times));
        assertEquals(2, rows("SELECT COUNT(*) FROM reading_blocks"), "one block an hour");
    }

    @Test
    void splitsABusyHourIntoCellsOfAtMostTheLimitWhatEverOrderTheReadingsCome() throws SQLException {
        store(series(T0 + HOUR / 2, 100_000, 9000));
        store(series(T0 + 50_000, 100_000, 9000));
        store(series(T0 + 25_000, 200_000, 9000));

        List<Long> times = times(stored());
        assertEquals(3 * 9000, times.size());
        assertTrue(isAscending(times));
        assertTrue(rows("SELECT COUNT(*) FROM reading_blocks") >= 6);
    }

    @Test
    void keepsAnEmptyAnchorWhereAnHoursReadingsLieLate() throws SQLException {
        store(series(T0 + HOUR * 3 / 4, 100_000, 5000));

        assertEquals(0, rows("SELECT reading_count FROM reading_blocks WHERE block_start = " + T0));
        assertEquals(5000, times(stored()).size());
    }

    @Test
    void reportsTheSpansItWroteAndNotTheReadingsItFound() throws SQLException {
        store(batch(T0, 1.0));

        IngestResult result = store(batch(T0, 1.0, T0 + 10, 2.0, T0 + 3 * 86_400_000_000L, 3.0));

        assertEquals(List.of(new ReadingsWritten.Span(sensor, T0 + 10, T0 + 10),
                new ReadingsWritten.Span(sensor, T0 + 3 * 86_400_000_000L,
                        T0 + 3 * 86_400_000_000L)), result.spans());
    }

    @Test
    void aSecondWriterOfAnHourWaitsForTheFirstAndSeesWhatItStored() throws Exception {
        store(batch(T0, 1.0));
        try (Connection first = transaction()) {
            BlockIngest.run(new BlockTable(first), batch(T0 + 5, 5.0), new long[] {sensor});
            ExecutorService second = Executors.newSingleThreadExecutor();
            try {
                Future<?> waiting = second.submit(() -> store(batch(T0 + 5, 6.0)));
                Thread.sleep(300);
                assertTrue(!waiting.isDone(), "the second writer must wait for the hour's anchor");
                first.commit();
                var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> waiting.get(10, TimeUnit.SECONDS));
                assertTrue(failure.getCause() instanceof ConflictingReadingsException, failure.getCause().toString());
            } finally {
                second.shutdownNow();
            }
        }
        assertEquals(List.of(T0, T0 + 5), times(stored()));
    }

    @Test
    void twoCreatorsOfAnEmptyHourContendForItsAnchor() throws Exception {
        try (Connection first = transaction()) {
            BlockIngest.run(new BlockTable(first), batch(T0 + 5, 5.0), new long[] {sensor});
            ExecutorService second = Executors.newSingleThreadExecutor();
            try {
                Future<?> creating = second.submit(() -> store(batch(T0 + HOUR - 1, 6.0)));
                Thread.sleep(300);
                first.commit();
                var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> creating.get(10, TimeUnit.SECONDS));
                assertTrue(failure.getCause() instanceof ConcurrentWriteException, failure.getCause().toString());
            } finally {
                second.shutdownNow();
            }
        }
        store(batch(T0 + HOUR - 1, 6.0));
        assertEquals(List.of(T0 + 5, T0 + HOUR - 1), times(stored()));
    }

    /**
     * On Galera, a writer through another node may change a block after this transaction locked it (the lock is
     * not replicated): the change then meets another revision than it locked, and fails to be retried.
     */
    @Test
    void refusesToChangeABlockThatChangedSinceItWasLocked() throws SQLException {
        store(batch(T0, 1.0));
        try (Connection connection = transaction()) {
            BlockTable table = new BlockTable(connection);
            BlockTable.Locked anchor = table.lockAnchors(sensor, List.of(T0)).get(T0);
            try (PreparedStatement otherNode = connection.prepareStatement(
                    "UPDATE reading_blocks SET revision = revision + 1 WHERE sensor_key = ? AND block_start = ?")) {
                otherNode.setLong(1, sensor);
                otherNode.setLong(2, T0);
                otherNode.executeUpdate();
            }
            BlockTable.Writes stale = new BlockTable.Writes();
            stale.touch(anchor.cell(), anchor.revision());
            assertThrows(ConcurrentWriteException.class, () -> table.write(sensor, stale));

            BlockTable.Writes current = new BlockTable.Writes();
            current.touch(anchor.cell(), anchor.revision() + 1);
            table.write(sensor, current);
            connection.rollback();
        }
    }

    private ReadingBatch batch(Object... timesAndValues) {
        ReadingBatch batch = new ReadingBatch();
        for (int i = 0; i < timesAndValues.length; i += 2) {
            batch.add("s1", (Long) timesAndValues[i], (Double) timesAndValues[i + 1]);
        }
        return batch;
    }

    private static ReadingBatch series(long start, long step, int count) {
        ReadingBatch batch = new ReadingBatch();
        for (int i = 0; i < count; i++) {
            batch.add("s1", start + i * step, 20 + (i % 100) / 10.0);
        }
        return batch;
    }

    private Connection transaction() throws SQLException {
        Connection connection = database.dataSource().getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Stores the batch in a transaction of its own, rolled back if it fails. */
    private IngestResult store(ReadingBatch batch) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                IngestResult result = BlockIngest.run(new BlockTable(connection), batch,
                        new long[] {sensor});
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** A stored reading: its time, and its value's bits. */
    record Stored(long micros, long bits) {
    }

    /** Every stored reading, in time order, after checking the blocks' layout. */
    private List<Stored> stored() throws SQLException {
        List<Stored> readings = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT block_start, block_end, reading_count, "
                        + "first_micros, last_micros, min_value, max_value, value_sum, readings FROM reading_blocks "
                        + "WHERE sensor_key = ? ORDER BY block_start")) {
            query.setLong(1, sensor);
            long previousEnd = Long.MIN_VALUE;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    BlockCell cell = new BlockCell(rows.getLong(1), rows.getLong(2));
                    assertTrue(cell.start() >= previousEnd, "cells overlap at " + cell);
                    previousEnd = cell.end();
                    int count = rows.getInt(3);
                    if (count == 0) {
                        assertTrue(cell.isAnchor(), "only an anchor may be empty: " + cell);
                        continue;
                    }
                    BlockCodec.Block block = BlockCodec.decode(rows.getBytes(9));
                    assertLayout(cell, count, block, rows);
                    for (int i = 0; i < count; i++) {
                        readings.add(new Stored(block.micros()[i], Double.doubleToRawLongBits(block.values()[i])));
                    }
                }
            }
        }
        return readings;
    }

    /** A block lies in its cell, in one hour whose anchor exists, holds at most the limit, and its header is true. */
    private void assertLayout(BlockCell cell, int count, BlockCodec.Block block, ResultSet row) throws SQLException {
        assertEquals(BlockCell.hourOf(cell.start()), BlockCell.hourOf(cell.end() - 1), "a cell stays in its hour");
        assertTrue(count <= BlockCell.MAX_READINGS, "at most the limit: " + count);
        assertEquals(count, block.micros().length);
        assertTrue(cell.contains(block.micros()[0]) && cell.contains(block.micros()[count - 1]));
        assertEquals(1, rows("SELECT COUNT(*) FROM reading_blocks WHERE sensor_key = " + sensor
                + " AND block_start = " + BlockCell.hourOf(cell.start())), "the hour's anchor");
        assertEquals(block.micros()[0], row.getLong(4));
        assertEquals(block.micros()[count - 1], row.getLong(5));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        ExactSum sum = new ExactSum();
        for (double value : block.values()) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum.add(value);
        }
        // equal numbers: the table gives 0.0 for -0.0, whose sign headers() takes from the readings
        assertTrue(min == row.getDouble(6), min + " against " + row.getDouble(6));
        assertTrue(max == row.getDouble(7), max + " against " + row.getDouble(7));
        assertArrayEquals(sum.toBytes(), row.getBytes(8));
    }

    private long rows(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Long> times(List<Stored> readings) {
        return readings.stream().map(Stored::micros).toList();
    }

    private static boolean isAscending(List<Long> times) {
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) <= times.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
