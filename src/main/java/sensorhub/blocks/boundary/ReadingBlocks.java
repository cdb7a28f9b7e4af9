package sensorhub.blocks.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import sensorhub.blocks.control.BlockScan;
import sensorhub.blocks.control.BlockTable;
import sensorhub.blocks.control.BlockVisitor;
import sensorhub.blocks.control.BlockWrites;
import sensorhub.blocks.control.SeriesPoints;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.blocks.entity.BlockStorage;
import sensorhub.blocks.entity.IngestResult;
import sensorhub.blocks.entity.Reading;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.blocks.entity.SeriesPoint;
import sensorhub.database.boundary.ReadsDataSource;
import sensorhub.database.boundary.Retried;
import sensorhub.database.control.Sql;
import sensorhub.time.control.Bucket;

/**
 * The block store's one door: readings stored, deleted and read back, by sensor key and epoch microseconds. Writes
 * run in a transaction of their own ({@link BlockWrites}), tried again where the database gave up on one for a
 * concurrent transaction's sake. Reads run outside any transaction, most on {@link ReadsDataSource} (see
 * {@link Purpose}), so that it may be a pool of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadingBlocks {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource primary;

    @Inject
    ReadsDataSource reads;

    @EJB
    BlockWrites writes;

    /**
     * Stores the batch whole or not at all, and announces the spans it wrote
     * ({@link sensorhub.blocks.entity.ReadingsWritten}).
     *
     * @param sensorKeys the key of each sensor of {@link ReadingBatch#sensorIds()}, by index
     * @throws sensorhub.blocks.control.ConflictingReadingsException naming the items stored with other values
     * @throws sensorhub.database.control.MissingReferenceException if a sensor was deleted meanwhile
     */
    @Retried
    public IngestResult store(ReadingBatch batch, long[] sensorKeys) {
        return writes.store(batch, sensorKeys);
    }

    /**
     * Removes a sensor's blocks that start in {@code [fromMicros, toMicros)} (hours), whole and without a trace, in
     * the caller's transaction: what retention does once it kept what they summarise.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void removeWhole(long sensorKey, long fromMicros, long toMicros) {
        Sql.run(primary, connection -> {
            new BlockTable(connection).removeWhole(sensorKey, fromMicros, toMicros);
            return null;
        });
    }

    /** Removes a sensor's readings of {@code [fromMicros, toMicros)}, answering how many there were. */
    @Retried
    public long delete(long sensorKey, long fromMicros, long toMicros) {
        return writes.delete(sensorKey, fromMicros, toMicros);
    }

    /**
     * What a read is for, and so where it may go. Readings to be shown may come from the reads datasource. Those
     * that statistics are computed from, to be kept, come from the primary: were the reads datasource an
     * asynchronous replica that lags, a kept statistic would miss readings until its day is written again.
     */
    public enum Purpose {
        SHOW, KEEP
    }

    /** The values of a sensor in {@code [fromMicros, toMicros)}, in time order. */
    public double[] values(Purpose purpose, long sensorKey, long fromMicros, long toMicros) {
        return Sql.run(purpose == Purpose.KEEP ? primary : reads.get(), connection -> {
            double[][] values = {new double[4096]};
            int[] size = {0};
            new BlockTable(connection).readings(sensorKey, fromMicros, toMicros, BlockTable.BLOCKS_PER_QUERY, block -> {
                int from = block.firstAtOrAfter(fromMicros);
                int to = block.firstAtOrAfter(toMicros);
                if (size[0] + to - from > values[0].length) {
                    values[0] = Arrays.copyOf(values[0], Math.max(size[0] + to - from, 2 * size[0]));
                }
                System.arraycopy(block.values(), from, values[0], size[0], to - from);
                size[0] += to - from;
                return to == block.size();
            });
            return Arrays.copyOf(values[0], size[0]);
        });
    }

    /** Times and values of readings, in two arrays of {@code size} used entries each. */
    public record Columns(long[] micros, double[] values, int size) {
    }

    /**
     * At most {@code limit} readings of a sensor in {@code [fromMicros, toMicros)}, in time order, as two arrays:
     * copied block by block, no object per reading (a query over a day of 1 Hz readings reads 86,400).
     */
    public Columns columns(long sensorKey, long fromMicros, long toMicros, int limit) {
        return Sql.run(reads.get(), connection -> {
            long[][] micros = {new long[4096]};
            double[][] values = {new double[4096]};
            int[] size = {0};
            new BlockTable(connection).readings(sensorKey, fromMicros, toMicros, BlockTable.BLOCKS_PER_QUERY, block -> {
                int from = block.firstAtOrAfter(fromMicros);
                int to = Math.min(block.firstAtOrAfter(toMicros), from + limit - size[0]);
                if (size[0] + to - from > micros[0].length) {
                    int capacity = Math.max(size[0] + to - from, 2 * size[0]);
                    micros[0] = Arrays.copyOf(micros[0], capacity);
                    values[0] = Arrays.copyOf(values[0], capacity);
                }
                System.arraycopy(block.micros(), from, micros[0], size[0], to - from);
                System.arraycopy(block.values(), from, values[0], size[0], to - from);
                size[0] += to - from;
                return to == block.size() && size[0] < limit;
            });
            return new Columns(micros[0], values[0], size[0]);
        });
    }

    /** At most {@code limit} readings of a sensor in {@code [fromMicros, toMicros)}, in time order. */
    public List<Reading> page(long sensorKey, long fromMicros, long toMicros, int limit) {
        return Sql.run(reads.get(), connection -> {
            List<Reading> page = new ArrayList<>(Math.min(limit, 1024));
            new BlockTable(connection).readings(sensorKey, fromMicros, toMicros, BlockTable.BLOCKS_PER_QUERY, block -> {
                int to = block.firstAtOrAfter(toMicros);
                for (int i = block.firstAtOrAfter(fromMicros); i < to && page.size() < limit; i++) {
                    page.add(new Reading(block.micros()[i], block.values()[i]));
                }
                return to == block.size() && page.size() < limit;
            });
            return page;
        });
    }

    /**
     * The first {@code atMost} headers of the blocks that may hold readings of {@code [fromMicros, toMicros)}, in
     * time order, from the primary: they decide which days' statistics are computed to be kept (see
     * {@link Purpose}).
     */
    public List<BlockHeader> headers(long sensorKey, long fromMicros, long toMicros, int atMost) {
        return Sql.run(primary, connection -> new BlockTable(connection).headers(sensorKey, fromMicros, toMicros,
                atMost));
    }

    /**
     * The series of a sensor's readings in {@code [fromMicros, toMicros)}: each block that lies in one bucket and
     * in the range is taken by its header, only the others are decoded. A series of hours or coarser over whole
     * hours of the zone reads headers alone.
     */
    public List<SeriesPoint> series(long sensorKey, long fromMicros, long toMicros, Bucket bucket, ZoneId zone) {
        return Sql.run(reads.get(), connection -> {
            BlockTable table = new BlockTable(connection);
            SeriesPoints points = new SeriesPoints(bucket, zone);
            new BlockScan(table, sensorKey, fromMicros, toMicros, table.headers(sensorKey, fromMicros, toMicros))
                    .pass(points);
            return points.points();
        });
    }

    /**
     * One pass over a sensor's readings of {@code [fromMicros, toMicros)} ({@link BlockScan#pass}), on the
     * datasource the purpose names.
     */
    public void pass(Purpose purpose, long sensorKey, long fromMicros, long toMicros, BlockVisitor visitor) {
        Sql.run(purpose == Purpose.KEEP ? primary : reads.get(), connection -> {
            BlockTable table = new BlockTable(connection);
            new BlockScan(table, sensorKey, fromMicros, toMicros, table.headers(sensorKey, fromMicros, toMicros))
                    .pass(visitor);
            return null;
        });
    }

    /** Work that passes over a sensor's range several times ({@link BlockScan#pass}). */
    @FunctionalInterface
    public interface Passes<T> {
        T over(BlockScan scan) throws SQLException;
    }

    /**
     * Runs work that passes over a sensor's readings of {@code [fromMicros, toMicros)} several times, each pass
     * seeing the same readings: all of them read in one transaction of repeatable reads, so that a batch stored
     * meanwhile is either in every pass or in none.
     */
    public <T> T scanned(long sensorKey, long fromMicros, long toMicros, Passes<T> work) {
        return Sql.runInSnapshot(reads.get(), connection -> {
            BlockTable table = new BlockTable(connection);
            return work.over(new BlockScan(table, sensorKey, fromMicros, toMicros,
                    table.headers(sensorKey, fromMicros, toMicros)));
        });
    }

    /** How much of a sensor's readings is stored. */
    public BlockStorage storage(long sensorKey) {
        return Sql.run(reads.get(), connection -> new BlockTable(connection).storage(sensorKey));
    }

    /** The newest reading of each of the sensors that has one, by sensor key, in one query. */
    public Map<Long, Reading> latest(List<Long> sensorKeys) {
        return sensorKeys.isEmpty() ? Map.of()
                : Sql.run(reads.get(), connection -> new BlockTable(connection).latest(sensorKeys));
    }
}
