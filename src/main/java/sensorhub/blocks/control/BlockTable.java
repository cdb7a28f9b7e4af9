package sensorhub.blocks.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.blocks.entity.BlockStorage;
import sensorhub.blocks.entity.Reading;
import sensorhub.database.control.ConcurrentWriteException;
import sensorhub.numbers.control.ExactSum;

/**
 * Every statement on {@code reading_blocks}, on one connection of the caller's transaction. Locking reads
 * ({@code FOR UPDATE}) are used wherever a writer reads: they see the latest committed rows, whatever snapshot
 * the transaction's earlier reads took.
 */
public final class BlockTable {

    /** Blocks fetched per query of a range: a page of 10,000 readings at 1 Hz takes three. */
    public static final int BLOCKS_PER_QUERY = 16;
    static final String HEADER_COLUMNS = "block_start, block_end, reading_count, first_micros, last_micros, "
            + "first_value, last_value, min_value, max_value, value_sum";
    /** Anchors are locked this many hours a statement; shorter lists repeat their last hour, so one statement. */
    static final int ANCHORS_PER_QUERY = 64;
    static final String ANCHORS = "SELECT block_start, block_end, reading_count, readings, revision "
            + "FROM reading_blocks WHERE sensor_key = ? AND block_start IN (" + String.join(", ",
                    Collections.nCopies(ANCHORS_PER_QUERY, "?")) + ") FOR UPDATE";
    static final String LATER_IN_HOUR = "SELECT block_start, block_end, reading_count, revision FROM reading_blocks "
            + "WHERE sensor_key = ? AND block_start > ? AND block_start < ? ORDER BY block_start FOR UPDATE";
    static final String PAYLOAD = "SELECT readings FROM reading_blocks WHERE sensor_key = ? AND block_start = ? "
            + "FOR UPDATE";
    static final String INSERT = "INSERT INTO reading_blocks (block_end, reading_count, first_micros, last_micros, "
            + "first_value, last_value, min_value, max_value, value_sum, readings, sensor_key, block_start, "
            + "revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    static final String UPDATE = "UPDATE reading_blocks SET block_end = ?, reading_count = ?, first_micros = ?, "
            + "last_micros = ?, first_value = ?, last_value = ?, min_value = ?, max_value = ?, value_sum = ?, "
            + "readings = ?, revision = revision + 1 WHERE sensor_key = ? AND block_start = ? AND revision = ?";
    static final String TOUCH = "UPDATE reading_blocks SET revision = revision + 1 "
            + "WHERE sensor_key = ? AND block_start = ? AND revision = ?";
    static final String DELETE = "DELETE FROM reading_blocks WHERE sensor_key = ? AND block_start = ? "
            + "AND revision = ?";
    /** Blocks holding readings of {@code [from, to)}: a block starts at most an hour before its readings. */
    static final String READINGS = "SELECT readings FROM reading_blocks WHERE sensor_key = ? AND block_start >= ? "
            + "AND block_start < ? AND reading_count > 0 ORDER BY block_start LIMIT ?";
    /**
     * Neither H2 nor MariaDB keeps the sign of a zero in a {@code DOUBLE}: -0.0 comes back as 0.0. Where a header
     * value is zero, its block's readings, which keep every bit, come along and decide ({@link #zerosSigned}).
     */
    static final String READINGS_IF_A_ZERO = "CASE WHEN first_value = 0 OR last_value = 0 OR min_value = 0 "
            + "OR max_value = 0 THEN readings END";
    static final String HEADERS = "SELECT " + HEADER_COLUMNS + ", " + READINGS_IF_A_ZERO + " FROM reading_blocks "
            + "WHERE sensor_key = ? AND block_start >= ? AND block_start < ? AND reading_count > 0 "
            + "ORDER BY block_start";

    /**
     * The newest block with readings of each sensor; its last reading is the sensor's newest. Its readings come
     * along where the last value is zero, for the zero's sign (see {@link #READINGS_IF_A_ZERO}).
     */
    static final String LATEST = "SELECT b.sensor_key, b.last_micros, b.last_value, "
            + "CASE WHEN b.last_value = 0 THEN b.readings END FROM reading_blocks b "
            + "JOIN (SELECT sensor_key, MAX(block_start) AS newest FROM reading_blocks WHERE sensor_key IN (%s) "
            + "AND reading_count > 0 GROUP BY sensor_key) n "
            + "ON n.sensor_key = b.sensor_key AND n.newest = b.block_start";

    private final Connection connection;

    public BlockTable(Connection connection) {
        this.connection = connection;
    }

    /**
     * A block as a writer found it; {@code readings} is null until {@link #payload} fetched them. Its
     * {@code revision} is what the writer's change of it expects to find (see {@link #write}).
     */
    public record Locked(BlockCell cell, int count, byte[] readings, long revision) {
    }

    /** Locks the anchors of the given hours of a sensor, by hour; hours without one have no readings. */
    public Map<Long, Locked> lockAnchors(long sensorKey, List<Long> hours) throws SQLException {
        Map<Long, Locked> anchors = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ANCHORS)) {
            for (int from = 0; from < hours.size(); from += ANCHORS_PER_QUERY) {
                query.setLong(1, sensorKey);
                for (int i = 0; i < ANCHORS_PER_QUERY; i++) {
                    query.setLong(2 + i, hours.get(Math.min(hours.size() - 1, from + i)));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        BlockCell cell = new BlockCell(rows.getLong(1), rows.getLong(2));
                        anchors.put(cell.start(),
                                new Locked(cell, rows.getInt(3), rows.getBytes(4), rows.getLong(5)));
                    }
                }
            }
        }
        return anchors;
    }

    /** Locks the blocks of an anchor's hour after the anchor, in time order, without their readings. */
    public List<Locked> lockRestOfHour(long sensorKey, BlockCell anchor) throws SQLException {
        List<Locked> blocks = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(LATER_IN_HOUR)) {
            query.setLong(1, sensorKey);
            query.setLong(2, anchor.start());
            query.setLong(3, anchor.start() + BlockCell.HOUR_MICROS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    blocks.add(new Locked(new BlockCell(rows.getLong(1), rows.getLong(2)), rows.getInt(3), null,
                            rows.getLong(4)));
                }
            }
        }
        return blocks;
    }

    public byte[] payload(long sensorKey, BlockCell cell) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PAYLOAD)) {
            query.setLong(1, sensorKey);
            query.setLong(2, cell.start());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    /** A change of a block that expects the block at the revision its writer locked. */
    private record Expected<T>(T change, long revision) {
    }

    /** The writes of one step of a batch: new blocks, and changes of locked blocks at their locked revision. */
    public static final class Writes {
        private final List<BlockRow> inserts = new ArrayList<>();
        private final List<Expected<BlockRow>> updates = new ArrayList<>();
        private final List<Expected<BlockCell>> touches = new ArrayList<>();
        private final List<Expected<BlockCell>> deletes = new ArrayList<>();

        public void insert(BlockRow row) {
            inserts.add(row);
        }

        public void update(BlockRow row, long revision) {
            updates.add(new Expected<>(row, revision));
        }

        /** Marks a block written without changing it, so that concurrent writers of its hour conflict. */
        public void touch(BlockCell cell, long revision) {
            touches.add(new Expected<>(cell, revision));
        }

        public void delete(BlockCell cell, long revision) {
            deletes.add(new Expected<>(cell, revision));
        }
    }

    /**
     * Runs the writes. A change finds its block at the revision it was locked at, or the step fails with a
     * {@link ConcurrentWriteException}, to be retried: on one database the lock makes sure of it, but on Galera
     * a writer through another node may have changed the block after this transaction read it, and Galera's
     * certification does not catch every such lost update (galera#618, MDEV-29044).
     */
    public void write(long sensorKey, Writes writes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            for (Expected<BlockRow> update : writes.updates) {
                bind(statement, update.change());
                statement.setLong(11, sensorKey);
                statement.setLong(12, update.change().cell().start());
                statement.setLong(13, update.revision());
                expectOne(statement.executeUpdate());
            }
        }
        cells(TOUCH, sensorKey, writes.touches);
        cells(DELETE, sensorKey, writes.deletes);
        if (!writes.inserts.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (BlockRow row : writes.inserts) {
                    bind(statement, row);
                    statement.setLong(11, sensorKey);
                    statement.setLong(12, row.cell().start());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    private static void expectOne(int changed) {
        if (changed != 1) {
            throw new ConcurrentWriteException("A block of these readings was changed meanwhile by another writer");
        }
    }

    private static void bind(PreparedStatement statement, BlockRow row) throws SQLException {
        statement.setLong(1, row.cell().end());
        statement.setInt(2, row.count());
        if (row.isEmpty()) {
            for (int i = 3; i <= 8; i++) {
                statement.setNull(i, i <= 4 ? Types.BIGINT : Types.DOUBLE);
            }
            statement.setNull(9, Types.VARBINARY);
            statement.setNull(10, Types.VARBINARY);
            return;
        }
        statement.setLong(3, row.firstMicros());
        statement.setLong(4, row.lastMicros());
        statement.setDouble(5, row.firstValue());
        statement.setDouble(6, row.lastValue());
        statement.setDouble(7, row.min());
        statement.setDouble(8, row.max());
        statement.setBytes(9, row.sum());
        statement.setBytes(10, row.readings());
    }

    private void cells(String sql, long sensorKey, List<Expected<BlockCell>> cells) throws SQLException {
        if (cells.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Expected<BlockCell> cell : cells) {
                statement.setLong(1, sensorKey);
                statement.setLong(2, cell.change().start());
                statement.setLong(3, cell.revision());
                expectOne(statement.executeUpdate());
            }
        }
    }

    static final String IN_RANGE = "SELECT block_start, block_end, reading_count, first_micros, last_micros, "
            + "revision FROM reading_blocks WHERE sensor_key = ? AND block_start >= ? AND block_start < ? "
            + "ORDER BY block_start FOR UPDATE";

    static final String STORAGE = "SELECT COALESCE(SUM(reading_count), 0), COALESCE(SUM(OCTET_LENGTH(readings)), 0), "
            + "MIN(first_micros), MAX(last_micros) FROM reading_blocks WHERE sensor_key = ? AND reading_count > 0";

    /** How much of a sensor's readings is stored: readings, their blocks' bytes, the oldest and newest instant. */
    public BlockStorage storage(long sensorKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STORAGE)) {
            query.setLong(1, sensorKey);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long oldest = row.getLong(3);
                boolean empty = row.wasNull();
                return new BlockStorage(row.getLong(1), row.getLong(2), empty ? null : oldest,
                        empty ? null : row.getLong(4));
            }
        }
    }

    static final String REMOVE_WHOLE = "DELETE FROM reading_blocks WHERE sensor_key = ? AND block_start >= ? "
            + "AND block_start < ?";

    /** Removes the sensor's blocks starting in {@code [fromMicros, toMicros)}, empty anchors included. */
    public void removeWhole(long sensorKey, long fromMicros, long toMicros) throws SQLException {
        try (PreparedStatement remove = connection.prepareStatement(REMOVE_WHOLE)) {
            remove.setLong(1, sensorKey);
            remove.setLong(2, fromMicros);
            remove.setLong(3, toMicros);
            remove.executeUpdate();
        }
    }

    /** Removes the sensor's readings of {@code [fromMicros, toMicros)}, answering how many there were. */
    public long delete(long sensorKey, long fromMicros, long toMicros) throws SQLException {
        List<Locked> blocks = new ArrayList<>();
        List<long[]> spans = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(IN_RANGE)) {
            query.setLong(1, sensorKey);
            query.setLong(2, BlockCell.hourOf(fromMicros));
            query.setLong(3, toMicros);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    blocks.add(new Locked(new BlockCell(rows.getLong(1), rows.getLong(2)), rows.getInt(3), null,
                            rows.getLong(6)));
                    spans.add(new long[] {rows.getLong(4), rows.getLong(5)});
                }
            }
        }
        Writes writes = new Writes();
        List<Locked> emptiedAnchors = new ArrayList<>();
        long deleted = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Locked block = blocks.get(i);
            long[] span = spans.get(i);
            if (block.count() == 0 || span[1] < fromMicros || span[0] >= toMicros) {
                continue;
            }
            BlockCodec.Block readings = BlockCodec.decode(payload(sensorKey, block.cell()));
            long[] micros = readings.micros();
            int cutFrom = readings.firstAtOrAfter(fromMicros);
            int cutTo = readings.firstAtOrAfter(toMicros);
            deleted += cutTo - cutFrom;
            long[] keptMicros = new long[micros.length - (cutTo - cutFrom)];
            double[] keptValues = new double[keptMicros.length];
            System.arraycopy(micros, 0, keptMicros, 0, cutFrom);
            System.arraycopy(readings.values(), 0, keptValues, 0, cutFrom);
            System.arraycopy(micros, cutTo, keptMicros, cutFrom, micros.length - cutTo);
            System.arraycopy(readings.values(), cutTo, keptValues, cutFrom, micros.length - cutTo);
            if (keptMicros.length > 0 || block.cell().isAnchor()) {
                writes.update(BlockRow.of(block.cell(), keptMicros, keptValues, 0, keptMicros.length),
                        block.revision());
            } else {
                writes.delete(block.cell(), block.revision());
            }
            if (keptMicros.length == 0 && block.cell().isAnchor()) {
                // updated just now, so one revision on
                emptiedAnchors.add(new Locked(block.cell(), 0, null, block.revision() + 1));
            }
        }
        write(sensorKey, writes);
        Writes unused = new Writes();
        for (Locked anchor : emptiedAnchors) {
            if (lockRestOfHour(sensorKey, anchor.cell()).isEmpty()) {
                unused.delete(anchor.cell(), anchor.revision());
            }
        }
        write(sensorKey, unused);
        return deleted;
    }

    /** Receives the decoded blocks in time order; answers false to stop. */
    @FunctionalInterface
    public interface BlockReader {
        boolean read(BlockCodec.Block block) throws SQLException;
    }

    /**
     * Feeds the decoded blocks holding readings of {@code [fromMicros, toMicros)} to the reader, in time order,
     * fetching {@code blocksPerQuery} at a time so that a long range is never held at once. The first and last
     * block may hold readings outside the range.
     */
    public void readings(long sensorKey, long fromMicros, long toMicros, int blocksPerQuery, BlockReader reader)
            throws SQLException {
        long next = BlockCell.hourOf(fromMicros);
        try (PreparedStatement query = connection.prepareStatement(READINGS)) {
            while (true) {
                query.setLong(1, sensorKey);
                query.setLong(2, next);
                query.setLong(3, toMicros);
                query.setInt(4, blocksPerQuery);
                int fetched = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        fetched++;
                        BlockCodec.Block block = BlockCodec.decode(rows.getBytes(1));
                        if (!reader.read(block)) {
                            return;
                        }
                        next = block.micros()[block.size() - 1] + 1;
                    }
                }
                if (fetched < blocksPerQuery) {
                    return;
                }
            }
        }
    }

    /** The newest reading of each of the sensors (at most 1000) that has one, by sensor key. */
    public Map<Long, Reading> latest(List<Long> sensorKeys) throws SQLException {
        Map<Long, Reading> latest = new HashMap<>();
        String sql = LATEST.formatted(String.join(", ", Collections.nCopies(sensorKeys.size(), "?")));
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < sensorKeys.size(); i++) {
                query.setLong(i + 1, sensorKeys.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] readings = rows.getBytes(4);
                    double last = readings == null || !BlockCodec.mayHoldNegativeZero(readings) ? rows.getDouble(3)
                            : lastOf(BlockCodec.decode(readings).values());
                    latest.put(rows.getLong(1), new Reading(rows.getLong(2), last));
                }
            }
        }
        return latest;
    }

    /** The headers of the blocks holding readings of {@code [fromMicros, toMicros)}, and perhaps some outside. */
    public List<BlockHeader> headers(long sensorKey, long fromMicros, long toMicros) throws SQLException {
        return headers(HEADERS, sensorKey, fromMicros, toMicros, 0);
    }

    /** The first {@code atMost} of {@link #headers(long, long, long)}. */
    public List<BlockHeader> headers(long sensorKey, long fromMicros, long toMicros, int atMost)
            throws SQLException {
        return headers(HEADERS + " LIMIT ?", sensorKey, fromMicros, toMicros, atMost);
    }

    private List<BlockHeader> headers(String sql, long sensorKey, long fromMicros, long toMicros, int atMost)
            throws SQLException {
        List<BlockHeader> headers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, sensorKey);
            query.setLong(2, BlockCell.hourOf(fromMicros));
            query.setLong(3, toMicros);
            if (atMost > 0) {
                query.setInt(4, atMost);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    BlockHeader header = new BlockHeader(rows.getLong(1), rows.getLong(2), rows.getInt(3),
                            rows.getLong(4), rows.getLong(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8),
                            rows.getDouble(9), ExactSum.fromBytes(rows.getBytes(10)));
                    byte[] readings = rows.getBytes(11);
                    headers.add(readings == null ? header : zerosSigned(header, readings));
                }
            }
        }
        return headers;
    }

    /**
     * The header with its zeros signed as the readings have them (the table gives 0.0 for a stored -0.0); only a
     * block that may hold -0.0 is decoded.
     */
    static BlockHeader zerosSigned(BlockHeader header, byte[] readings) {
        if (!BlockCodec.mayHoldNegativeZero(readings)) {
            return header;
        }
        double[] values = BlockCodec.decode(readings).values();
        double min = values[0];
        double max = values[0];
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new BlockHeader(header.startMicros(), header.endMicros(), header.count(), header.firstMicros(),
                header.lastMicros(), values[0], lastOf(values), min, max, header.sum());
    }

    private static double lastOf(double[] values) {
        return values[values.length - 1];
    }
}
