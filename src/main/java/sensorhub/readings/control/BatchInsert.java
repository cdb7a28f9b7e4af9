package sensorhub.readings.control;

import jakarta.ws.rs.core.Response.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import sensorhub.database.control.ConcurrentWriteException;
import sensorhub.database.control.TransientFailures;
import sensorhub.problems.boundary.Problem;
import sensorhub.problems.boundary.Problem.FieldError;
import sensorhub.problems.boundary.ProblemException;
import sensorhub.readings.entity.ReadingsWritten.Span;

/**
 * Writes a batch whose sensors are resolved into {@code sensor_values}, inside the caller's transaction, as
 * multi-row INSERTs (see {@link #write}). A reading already stored with the same value is left alone and
 * counted unchanged, so a client may safely retry; the same sensor and time with another value is a conflict
 * that rejects the whole batch.
 */
public final class BatchInsert {

    static final String INSERT =
            "INSERT INTO sensor_values (sensor_key, creation_date, measured_value) VALUES (?, ?, ?)";
    static final String STORED =
            "SELECT creation_date, measured_value FROM sensor_values "
                    + "WHERE sensor_key = ? AND creation_date >= ? AND creation_date <= ?";
    /** Items compared with the stored readings per query; rows per multi-row INSERT. */
    static final int CHUNK = 1000;
    static final int ROWS_PER_INSERT = 500;
    static final String MULTI_ROW_INSERT = INSERT.replace("(?, ?, ?)",
            String.join(", ", Collections.nCopies(ROWS_PER_INSERT, "(?, ?, ?)")));
    /** Readings further apart than this make separate spans, so a late reading does not stale a whole year. */
    static final long SPAN_GAP_MICROS = 86_400_000_000L;
    /** SQLSTATE class 23: what remains after a unique key's refusal is the sensor's foreign key. */
    private static final String INTEGRITY_VIOLATIONS = "23";

    private final ReadingBatch batch;
    private final long[] keys;
    private final int[] order;
    private final boolean[] skip;
    private final List<FieldError> conflicts = new ArrayList<>();
    private int unchanged;

    private BatchInsert(ReadingBatch batch, long[] sensorKeys) {
        this.batch = batch;
        this.keys = sensorKeys;
        this.order = ordered() ? IntStream.range(0, batch.size()).toArray()
                : IntStream.range(0, batch.size()).boxed()
                        .sorted(Comparator.<Integer>comparingLong(this::key).thenComparingLong(batch::micros))
                        .mapToInt(Integer::intValue).toArray();
        this.skip = new boolean[batch.size()];
    }

    /** The outcome, and the spans of time of the readings actually written. */
    public record Result(int inserted, int unchanged, List<Span> spans) {
    }

    /** @param sensorKeys the key of each sensor in {@link ReadingBatch#sensorIds()}, by index */
    public static Result run(Connection connection, ReadingBatch batch, long[] sensorKeys) throws SQLException {
        BatchInsert insert = new BatchInsert(batch, sensorKeys);
        insert.compareWithinBatch();
        insert.compareWithStored(connection);
        if (!insert.conflicts.isEmpty()) {
            throw new ProblemException(Status.CONFLICT, "Some readings exist with other values; none was stored.",
                    insert.conflicts.subList(0, Math.min(insert.conflicts.size(), 100)));
        }
        int inserted = insert.write(connection);
        return new Result(inserted, insert.unchanged, insert.spans());
    }

    /** Whether the items already come by sensor and time, as a sensor's own batches usually do. */
    private boolean ordered() {
        for (int i = 1; i < batch.size(); i++) {
            long keyOrder = Long.compare(key(i - 1), key(i));
            if (keyOrder > 0 || keyOrder == 0 && batch.micros(i - 1) > batch.micros(i)) {
                return false;
            }
        }
        return true;
    }

    private long key(int item) {
        return keys[batch.sensorOf(item)];
    }

    private void compareWithinBatch() {
        for (int n = 1; n < order.length; n++) {
            int previous = order[n - 1];
            int item = order[n];
            if (key(item) == key(previous) && batch.micros(item) == batch.micros(previous)) {
                skip[item] = true;
                if (sameValue(batch.value(item), batch.value(previous))) {
                    unchanged++;
                } else {
                    conflicts.add(new FieldError("[" + item + "].value",
                            "differs from item [" + previous + "] of the same sensor and time"));
                }
            }
        }
    }

    /** Compares sorted runs of at most {@link #CHUNK} items of one sensor with what is stored in their span. */
    private void compareWithStored(Connection connection) throws SQLException {
        try (PreparedStatement stored = connection.prepareStatement(STORED)) {
            int start = 0;
            while (start < order.length) {
                int end = start + 1;
                while (end < order.length && end - start < CHUNK && key(order[end]) == key(order[start])) {
                    end++;
                }
                compareChunk(stored, start, end);
                start = end;
            }
        }
    }

    private void compareChunk(PreparedStatement stored, int start, int end) throws SQLException {
        long[] micros = new long[end - start];
        for (int n = start; n < end; n++) {
            micros[n - start] = batch.micros(order[n]);
        }
        stored.setLong(1, key(order[start]));
        stored.setLong(2, micros[0]);
        stored.setLong(3, micros[micros.length - 1]);
        try (ResultSet rows = stored.executeQuery()) {
            while (rows.next()) {
                int found = Arrays.binarySearch(micros, rows.getLong(1));
                if (found >= 0) {
                    // binarySearch may land on any of equal times; the first of them is the one not yet skipped.
                    while (found > 0 && micros[found - 1] == micros[found]) {
                        found--;
                    }
                    markStored(order[start + found], rows.getDouble(2));
                }
            }
        }
    }

    private void markStored(int item, double storedValue) {
        skip[item] = true;
        if (sameValue(batch.value(item), storedValue)) {
            unchanged++;
        } else {
            conflicts.add(new FieldError("[" + item + "].value",
                    "a reading of this sensor at this time exists with the value " + storedValue));
        }
    }

    private static boolean sameValue(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /**
     * Writes the new readings as multi-row INSERTs of {@link #ROWS_PER_INSERT} rows, the same statement over
     * and over, and the rest as a JDBC batch. The driver's own rewriting of a batch would build, parse and
     * (with server-side statements) prepare one new statement of up to 30,000 placeholders per batch: a third
     * of the server's time per reading, measured.
     */
    private int write(Connection connection) throws SQLException {
        int[] rows = IntStream.of(order).filter(item -> !skip[item]).toArray();
        int full = rows.length - rows.length % ROWS_PER_INSERT;
        try {
            if (full > 0) {
                try (PreparedStatement insert = connection.prepareStatement(MULTI_ROW_INSERT)) {
                    for (int start = 0; start < full; start += ROWS_PER_INSERT) {
                        for (int n = 0; n < ROWS_PER_INSERT; n++) {
                            bind(insert, 3 * n, rows[start + n]);
                        }
                        insert.executeUpdate();
                    }
                }
            }
            if (full < rows.length) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (int n = full; n < rows.length; n++) {
                        bind(insert, 0, rows[n]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            if (TransientFailures.isUniqueViolation(e)) {
                throw new ConcurrentWriteException("Another request stored some of these readings meanwhile");
            }
            if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATIONS)) {
                throw new ProblemException(Problem.UNPROCESSABLE_CONTENT,
                        "A sensor of this batch was deleted while it was being stored; none was stored.");
            }
            throw e;
        }
        return rows.length;
    }

    private void bind(PreparedStatement insert, int offset, int item) throws SQLException {
        insert.setLong(offset + 1, key(item));
        insert.setLong(offset + 2, batch.micros(item));
        insert.setDouble(offset + 3, batch.value(item));
    }

    private List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        boolean open = false;
        long key = 0;
        long from = 0;
        long to = 0;
        for (int item : order) {
            if (skip[item]) {
                continue;
            }
            long micros = batch.micros(item);
            if (open && key(item) == key && micros - to <= SPAN_GAP_MICROS) {
                to = micros;
                continue;
            }
            if (open) {
                spans.add(new Span(key, from, to));
            }
            open = true;
            key = key(item);
            from = micros;
            to = micros;
        }
        if (open) {
            spans.add(new Span(key, from, to));
        }
        return spans;
    }
}
