package sensorhub.blocks.control;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import sensorhub.blocks.entity.IngestResult;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.blocks.entity.ReadingsWritten.Span;
import sensorhub.database.control.ConcurrentWriteException;
import sensorhub.database.control.DatabaseException;
import sensorhub.database.control.DuplicateKeyException;
import sensorhub.database.control.MissingReferenceException;
import sensorhub.database.control.Sql;
import sensorhub.problems.control.RejectedException.Field;

/**
 * Merges a batch whose sensors are resolved into their blocks, inside the caller's transaction. A reading stored
 * already with the same value is counted unchanged, so a client may safely retry; the same sensor and time with
 * another value is a conflict that rejects the whole batch. Late and out-of-order readings go into the block of
 * their time. Work goes sensor by sensor (in key order) and {@link #HOURS_PER_STEP} hours at a time, so a batch
 * never holds more than a step's blocks, and writers lock the anchors of their hours in one order.
 */
public final class BlockIngest {

    static final int HOURS_PER_STEP = BlockTable.ANCHORS_PER_QUERY;
    /** Readings further apart than this make separate spans, so a late reading does not stale a whole year. */
    static final long SPAN_GAP_MICROS = 86_400_000_000L;

    private final ReadingBatch batch;
    private final long[] keys;
    private final int[] order;
    /** Per item: whether it is stored by this batch (new), as opposed to repeated or stored already. */
    private final boolean[] written;
    private final List<Field> conflicts = new ArrayList<>();
    private int unchanged;

    private BlockIngest(ReadingBatch batch, long[] sensorKeys) {
        this.batch = batch;
        this.keys = sensorKeys;
        this.order = ordered() ? IntStream.range(0, batch.size()).toArray()
                : IntStream.range(0, batch.size()).boxed()
                        .sorted(Comparator.<Integer>comparingLong(this::key).thenComparingLong(batch::micros))
                        .mapToInt(Integer::intValue).toArray();
        this.written = new boolean[batch.size()];
    }

    /**
     * @param sensorKeys the key of each sensor in {@link ReadingBatch#sensorIds()}, by index
     * @throws ConflictingReadingsException if readings exist, or repeat in the batch, with other values
     * @throws ConcurrentWriteException if another transaction created a block of this batch meanwhile
     */
    public static IngestResult run(BlockTable table, ReadingBatch batch, long[] sensorKeys) {
        BlockIngest ingest = new BlockIngest(batch, sensorKeys);
        try {
            int start = 0;
            while (start < ingest.order.length) {
                int end = start;
                while (end < ingest.order.length && ingest.key(ingest.order[end]) == ingest.key(ingest.order[start])) {
                    end++;
                }
                ingest.mergeSensor(table, start, end);
                start = end;
            }
        } catch (SQLException e) {
            DatabaseException failure = Sql.translated(e);
            if (failure instanceof DuplicateKeyException) {
                throw new ConcurrentWriteException("Another request created a block of these readings meanwhile");
            }
            if (failure instanceof MissingReferenceException) {
                throw new UnknownSensorsException("A sensor of this batch was deleted while it was being stored; "
                        + "none was stored.", List.of());
            }
            throw failure;
        }
        if (!ingest.conflicts.isEmpty()) {
            throw new ConflictingReadingsException(ingest.conflicts);
        }
        int inserted = 0;
        for (boolean isNew : ingest.written) {
            inserted += isNew ? 1 : 0;
        }
        return new IngestResult(inserted, ingest.unchanged, ingest.spans());
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

    /** Items {@code order[start..end)}, all of one sensor: repeats dropped, then merged hour by hour. */
    private void mergeSensor(BlockTable table, int start, int end) throws SQLException {
        int[] items = distinctItems(start, end);
        long[] micros = new long[items.length];
        double[] values = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            micros[i] = batch.micros(items[i]);
            values[i] = batch.value(items[i]);
        }
        NewReadings readings = new NewReadings(key(items[0]), items, micros, values);
        List<Integer> hourStarts = readings.hourStarts();
        for (int step = 0; step < hourStarts.size(); step += HOURS_PER_STEP) {
            List<Integer> stepStarts = hourStarts.subList(step, Math.min(hourStarts.size(), step + HOURS_PER_STEP));
            int stepEnd = step + HOURS_PER_STEP < hourStarts.size() ? hourStarts.get(step + HOURS_PER_STEP)
                    : items.length;
            mergeStep(table, readings, stepStarts, stepEnd);
        }
    }

    /** The sensor's items in time order without repeats: a repeat is unchanged, or a conflict if it differs. */
    private int[] distinctItems(int start, int end) {
        int[] items = new int[end - start];
        int size = 0;
        for (int n = start; n < end; n++) {
            int item = order[n];
            if (size > 0 && batch.micros(items[size - 1]) == batch.micros(item)) {
                int previous = items[size - 1];
                if (sameValue(batch.value(item), batch.value(previous))) {
                    unchanged++;
                } else {
                    conflicts.add(new Field("[" + item + "].value",
                            "differs from item [" + previous + "] of the same sensor and time"));
                }
                continue;
            }
            items[size++] = item;
        }
        return Arrays.copyOf(items, size);
    }

    /** One sensor's new readings in time order, with the batch item each came from. */
    record NewReadings(long sensorKey, int[] items, long[] micros, double[] values) {

        /** The index of the first reading of each hour that has readings. */
        List<Integer> hourStarts() {
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < micros.length; i++) {
                if (i == 0 || BlockCell.hourOf(micros[i]) != BlockCell.hourOf(micros[i - 1])) {
                    starts.add(i);
                }
            }
            return starts;
        }
    }

    private void mergeStep(BlockTable table, NewReadings readings, List<Integer> hourStarts, int stepEnd)
            throws SQLException {
        List<Long> hours = hourStarts.stream().map(i -> BlockCell.hourOf(readings.micros()[i])).toList();
        Map<Long, BlockTable.Locked> anchors = table.lockAnchors(readings.sensorKey(), hours);
        BlockTable.Writes writes = new BlockTable.Writes();
        for (int h = 0; h < hourStarts.size(); h++) {
            int from = hourStarts.get(h);
            int to = h + 1 < hourStarts.size() ? hourStarts.get(h + 1) : stepEnd;
            BlockTable.Locked anchor = anchors.get(hours.get(h));
            if (anchor == null) {
                newHour(readings, from, to, writes);
            } else {
                new HourMerge(table, readings, anchor, writes).merge(from, to);
            }
        }
        if (conflicts.isEmpty()) {
            table.write(readings.sensorKey(), writes);
        }
    }

    private void newHour(NewReadings readings, int from, int to, BlockTable.Writes writes) {
        BlockCell hour = BlockCell.hour(readings.micros()[from]);
        for (BlockCell.Part part : hour.split(readings.micros(), from, to)) {
            writes.insert(BlockRow.of(part.cell(), readings.micros(), readings.values(), part.from(), part.to()));
        }
        markWritten(readings, from, to);
    }

    private void markWritten(NewReadings readings, int from, int to) {
        for (int i = from; i < to; i++) {
            written[readings.items()[i]] = true;
        }
    }

    /** The readings of one hour that has blocks, each merged into the block of its time or a new cell. */
    private final class HourMerge {
        private final BlockTable table;
        private final NewReadings readings;
        private final BlockTable.Locked anchor;
        private final BlockTable.Writes writes;
        private final List<BlockTable.Locked> blocks = new ArrayList<>();
        private boolean anchorWritten;

        HourMerge(BlockTable table, NewReadings readings, BlockTable.Locked anchor,
                BlockTable.Writes writes) throws SQLException {
            this.table = table;
            this.readings = readings;
            this.anchor = anchor;
            this.writes = writes;
            blocks.add(anchor);
            if (anchor.cell().end() < anchor.cell().start() + BlockCell.HOUR_MICROS) {
                blocks.addAll(table.lockRestOfHour(readings.sensorKey(), anchor.cell()));
            }
        }

        void merge(int from, int to) throws SQLException {
            long[] micros = readings.micros();
            int start = from;
            while (start < to) {
                BlockTable.Locked block = blockFor(micros[start]);
                int end = start + 1;
                while (end < to && block.cell().contains(micros[end])) {
                    end++;
                }
                if (block.count() < 0) {
                    newCell(block.cell(), start, end);
                } else {
                    mergeInto(block, start, end);
                }
                start = end;
            }
            if (!anchorWritten) {
                writes.touch(anchor.cell(), anchor.revision());
            }
        }

        /** The block whose cell holds the time, or a new cell (count -1) placed among the blocks. */
        private BlockTable.Locked blockFor(long micros) {
            for (BlockTable.Locked block : blocks) {
                if (block.cell().contains(micros)) {
                    return block;
                }
            }
            BlockCell cell = BlockCell.placeFor(micros, blocks.stream().map(BlockTable.Locked::cell).toList());
            BlockTable.Locked placed = new BlockTable.Locked(cell, -1, null, 0);
            blocks.add(placed);
            return placed;
        }

        private void newCell(BlockCell cell, int from, int to) {
            for (BlockCell.Part part : cell.split(readings.micros(), from, to)) {
                writes.insert(BlockRow.of(part.cell(), readings.micros(), readings.values(), part.from(),
                        part.to()));
            }
            markWritten(readings, from, to);
        }

        private void mergeInto(BlockTable.Locked block, int from, int to) throws SQLException {
            byte[] payload = block.readings() != null || block.count() == 0 ? block.readings()
                    : table.payload(readings.sensorKey(), block.cell());
            BlockCodec.Block stored = payload == null ? new BlockCodec.Block(new long[0], new double[0])
                    : BlockCodec.decode(payload);
            Merged merged = merge(stored, from, to);
            List<BlockCell.Part> parts = block.cell().split(merged.micros, 0, merged.size);
            boolean kept = false;
            for (BlockCell.Part part : parts) {
                BlockRow row = BlockRow.of(part.cell(), merged.micros, merged.values, part.from(), part.to());
                if (part.cell().start() == block.cell().start()) {
                    writes.update(row, block.revision());
                    kept = true;
                } else {
                    writes.insert(row);
                }
            }
            if (!kept) {
                writes.delete(block.cell(), block.revision());
            }
            anchorWritten |= block == anchor;
        }

        /** The stored readings with the new ones of {@code [from, to)} among them, in time order. */
        private Merged merge(BlockCodec.Block stored, int from, int to) {
            long[] oldMicros = stored.micros();
            double[] oldValues = stored.values();
            long[] newMicros = readings.micros();
            double[] newValues = readings.values();
            Merged merged = new Merged(oldMicros.length + to - from);
            int o = 0;
            int n = from;
            while (o < oldMicros.length || n < to) {
                if (n == to || o < oldMicros.length && oldMicros[o] < newMicros[n]) {
                    merged.add(oldMicros[o], oldValues[o++]);
                } else if (o == oldMicros.length || newMicros[n] < oldMicros[o]) {
                    written[readings.items()[n]] = true;
                    merged.add(newMicros[n], newValues[n++]);
                } else {
                    compare(readings.items()[n], newValues[n++], oldValues[o]);
                    merged.add(oldMicros[o], oldValues[o++]);
                }
            }
            return merged;
        }
    }

    private void compare(int item, double value, double storedValue) {
        if (sameValue(value, storedValue)) {
            unchanged++;
        } else {
            conflicts.add(new Field("[" + item + "].value",
                    "a reading of this sensor at this time exists with the value " + storedValue));
        }
    }

    /** Readings being merged, in time order. */
    private static final class Merged {
        final long[] micros;
        final double[] values;
        int size;

        Merged(int capacity) {
            micros = new long[capacity];
            values = new double[capacity];
        }

        void add(long time, double value) {
            micros[size] = time;
            values[size++] = value;
        }
    }

    private static boolean sameValue(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        Span open = null;
        for (int item : order) {
            if (!written[item]) {
                continue;
            }
            long micros = batch.micros(item);
            if (open != null && key(item) == open.sensorKey() && micros - open.toMicros() <= SPAN_GAP_MICROS) {
                open = new Span(open.sensorKey(), open.fromMicros(), micros);
                continue;
            }
            if (open != null) {
                spans.add(open);
            }
            open = new Span(key(item), micros, micros);
        }
        if (open != null) {
            spans.add(open);
        }
        return spans;
    }
}
