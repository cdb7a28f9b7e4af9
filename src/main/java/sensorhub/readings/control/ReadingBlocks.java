package sensorhub.readings.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import sensorhub.database.boundary.ReadsDataSource;
import sensorhub.database.control.Sql;
import sensorhub.problems.control.RejectedException;
import sensorhub.problems.control.RejectedException.Field;
import sensorhub.readings.entity.Reading;
import sensorhub.readings.entity.ReadingsWritten;
import sensorhub.sensors.boundary.Sensors;

/**
 * A sensor's readings, kept as time blocks in {@code reading_blocks} ({@link ReadingBlockTable} holds the SQL)
 * through JDBC: readings are too many and too small for entities. Writes run on the container's datasource, in
 * the caller's transaction; reads outside any transaction, most on {@link ReadsDataSource} (see {@link Purpose}).
 * Storing readings announces {@link ReadingsWritten}, so that what was derived from them is forgotten.
 */
@Stateless
public class ReadingBlocks {

    /** Blocks fetched per query of a range: a page of 10,000 readings at 1 Hz takes three. */
    static final int BLOCKS_PER_QUERY = 16;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** Where the reads below go; they never join a transaction, so that this may be a pool of its own. */
    @Inject
    ReadsDataSource reads;

    @Inject
    Event<ReadingsWritten> written;

    @EJB
    Sensors sensors;

    /**
     * Stores the batch whole or not at all.
     *
     * @throws UnknownSensorsException naming the items whose sensor is not registered
     * @throws ConflictingReadingsException naming the items that exist with other values
     */
    public BlockIngest.Result store(ReadingBatch batch) {
        long[] keys = sensorKeys(batch);
        BlockIngest.Result result = Sql.run(dataSource, connection ->
                BlockIngest.run(new ReadingBlockTable(connection), batch, keys));
        if (!result.spans().isEmpty()) {
            written.fire(new ReadingsWritten(result.spans()));
        }
        return result;
    }

    /** Removes a sensor's readings of {@code [fromMicros, toMicros)} and forgets what was derived from them. */
    public long delete(long sensorKey, long fromMicros, long toMicros) {
        long deleted = Sql.run(dataSource, connection ->
                new ReadingBlockTable(connection).delete(sensorKey, fromMicros, toMicros));
        if (deleted > 0) {
            written.fire(new ReadingsWritten(List.of(new ReadingsWritten.Span(sensorKey, fromMicros, toMicros - 1))));
        }
        return deleted;
    }

    /** The key of each sensor of the batch, by index. */
    private long[] sensorKeys(ReadingBatch batch) {
        List<String> ids = batch.sensorIds();
        Map<String, Long> found = sensors.keysOf(ids);
        if (found.size() < ids.size()) {
            throw unknownSensors(batch, found);
        }
        return ids.stream().mapToLong(found::get).toArray();
    }

    private static UnknownSensorsException unknownSensors(ReadingBatch batch, Map<String, Long> found) {
        List<Field> items = new ArrayList<>();
        for (int i = 0; i < batch.size() && items.size() < RejectedException.MAX_FIELDS; i++) {
            String id = batch.sensorIds().get(batch.sensorOf(i));
            if (!found.containsKey(id)) {
                items.add(new Field("[" + i + "].sensor_id", "no sensor has the id '" + id + "'"));
            }
        }
        return new UnknownSensorsException("Some readings name sensors that are not registered; none was stored.",
                items);
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
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public double[] values(Purpose purpose, long sensorKey, long fromMicros, long toMicros) {
        return Sql.run(purpose == Purpose.KEEP ? dataSource : reads.get(), connection -> {
            double[][] values = {new double[4096]};
            int[] size = {0};
            new ReadingBlockTable(connection).readings(sensorKey, fromMicros, toMicros, BLOCKS_PER_QUERY,
                    (micros, blockValues) -> {
                        int from = lowerBound(micros, fromMicros);
                        int to = lowerBound(micros, toMicros);
                        if (size[0] + to - from > values[0].length) {
                            values[0] = Arrays.copyOf(values[0], Math.max(size[0] + to - from, 2 * size[0]));
                        }
                        System.arraycopy(blockValues, from, values[0], size[0], to - from);
                        size[0] += to - from;
                        return to == micros.length;
                    });
            return Arrays.copyOf(values[0], size[0]);
        });
    }

    /** At most {@code limit} readings of a sensor in {@code [fromMicros, toMicros)}, in time order. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Reading> page(long sensorKey, long fromMicros, long toMicros, int limit) {
        return Sql.run(reads.get(), connection -> {
            List<Reading> page = new ArrayList<>(Math.min(limit, 1024));
            new ReadingBlockTable(connection).readings(sensorKey, fromMicros, toMicros, BLOCKS_PER_QUERY,
                    (micros, values) -> {
                        int to = lowerBound(micros, toMicros);
                        for (int i = lowerBound(micros, fromMicros); i < to && page.size() < limit; i++) {
                            page.add(new Reading(micros[i], values[i]));
                        }
                        return to == micros.length && page.size() < limit;
                    });
            return page;
        });
    }

    /**
     * The headers of the blocks that may hold readings of {@code [fromMicros, toMicros)}, in time order, from the
     * primary: they decide which days' statistics are computed to be kept (see {@link Purpose}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BlockHeader> headers(long sensorKey, long fromMicros, long toMicros) {
        return Sql.run(dataSource, connection ->
                new ReadingBlockTable(connection).headers(sensorKey, fromMicros, toMicros));
    }

    /**
     * The series of a sensor's readings in {@code [fromMicros, toMicros)}: each block that lies in one bucket and
     * in the range is taken by its header, only the others are decoded. A series of hours or coarser over whole
     * hours of the zone reads headers alone.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SeriesPoints.Point> series(long sensorKey, long fromMicros, long toMicros, Bucket bucket,
            ZoneId zone) {
        return Sql.run(reads.get(), connection -> {
            ReadingBlockTable table = new ReadingBlockTable(connection);
            SeriesPoints points = new SeriesPoints(bucket, zone);
            List<BlockHeader> headers = table.headers(sensorKey, fromMicros, toMicros);
            int next = 0;
            while (next < headers.size()) {
                if (byHeader(headers.get(next), fromMicros, toMicros, points)) {
                    points.add(headers.get(next++));
                    continue;
                }
                int end = next + 1;
                while (end < headers.size() && !byHeader(headers.get(end), fromMicros, toMicros, points)) {
                    end++;
                }
                long from = Math.max(fromMicros, headers.get(next).firstMicros());
                long to = Math.min(toMicros, headers.get(end - 1).lastMicros() + 1);
                table.readings(sensorKey, from, to, BLOCKS_PER_QUERY, (micros, values) -> {
                    int last = lowerBound(micros, to);
                    for (int i = lowerBound(micros, from); i < last; i++) {
                        points.add(micros[i], values[i]);
                    }
                    return last == micros.length;
                });
                next = end;
            }
            return points.points();
        });
    }

    private static boolean byHeader(BlockHeader block, long fromMicros, long toMicros, SeriesPoints points) {
        return block.firstMicros() >= fromMicros && block.lastMicros() < toMicros && points.coversWhole(block);
    }

    /** The newest reading of each of the sensors that has one, by sensor key, in one query. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<Long, Reading> latest(List<Long> sensorKeys) {
        return sensorKeys.isEmpty() ? Map.of()
                : Sql.run(reads.get(), connection -> new ReadingBlockTable(connection).latest(sensorKeys));
    }

    /** The index of the first time at or after {@code micros} in sorted, distinct times. */
    static int lowerBound(long[] sorted, long micros) {
        int found = Arrays.binarySearch(sorted, micros);
        return found >= 0 ? found : -found - 1;
    }
}
