package sensorhub.retention.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import sensorhub.aggregations.boundary.DailyAggregations;
import sensorhub.blocks.boundary.ReadingBlocks;
import sensorhub.blocks.control.BlockCell;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.database.control.Sql;
import sensorhub.retention.control.HourRollups;
import sensorhub.retention.control.RollupRows;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.time.control.EpochMicros;

/**
 * The steps of a sweep: each removes a few whole hours of one sensor's expired blocks in a transaction of its own,
 * after what they summarise was kept for good (the daily statistics of their days, in UTC and the zones kept, and
 * their hourly rollups, in the removing transaction). Ingest never waits on a step longer than the removal of
 * {@link #BLOCKS_PER_STEP} blocks: it writes no block a step removes, as the door refuses their readings.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sweeps {

    /**
     * Blocks a step removes at most (and all of the hour it would cut), so that a sparse sensor's sweep takes few
     * steps, each with its transaction and lease renewal.
     */
    static final int BLOCKS_PER_STEP = 100;
    /**
     * Readings after which a step stops taking blocks: a day at 1 Hz, so that it computes about one day's statistics
     * per zone kept. What a step costs, and so its burst beside ingest, grows with its readings (see
     * RetentionSweep's pause for the figures).
     */
    static final int READINGS_PER_STEP = 86_400;
    /** Where a sensor never swept starts: before the year 1, the first this service keeps. */
    static final long FAR_PAST = BlockCell.hourOf(-62_200_000_000_000_000L);

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @EJB
    ReadingBlocks blocks;

    @EJB
    Sensors sensors;

    @EJB
    DailyAggregations aggregations;

    /**
     * Removes the next few hours of the sensor's readings before {@code beforeMicros}; answers the instant before
     * which they are removed now, {@code beforeMicros} once all are, or where it stopped (a day's statistics that
     * could not be kept this time: a later sweep goes on).
     */
    public long step(SensorKey sensor, long beforeMicros, List<ZoneId> zones) {
        long from = sensor.sweptBefore() == SensorKey.NOTHING_SWEPT ? FAR_PAST : sensor.sweptBefore();
        List<BlockHeader> headers = blocks.headers(sensor.key(), from, beforeMicros, BLOCKS_PER_STEP + 1);
        int cut = firstLeft(headers);
        long end = cut == headers.size() ? beforeMicros : Math.max(BlockCell.hourOf(headers.get(cut).firstMicros()),
                BlockCell.hourOf(headers.get(0).firstMicros()) + BlockCell.HOUR_MICROS);
        List<BlockHeader> removed = headers.stream().filter(block -> block.firstMicros() < end).toList();
        if (!removed.isEmpty() && !daysKept(sensor.key(), removed.get(0).firstMicros(), end, zones)) {
            return sensor.sweptBefore();
        }
        context.getBusinessObject(Sweeps.class).remove(sensor.key(), from, end, HourRollups.of(removed));
        return end;
    }

    /**
     * The index of the first block a step leaves for the next: after {@link #BLOCKS_PER_STEP} blocks or once
     * {@link #READINGS_PER_STEP} readings are taken; the list's size where the step takes them all.
     */
    static int firstLeft(List<BlockHeader> headers) {
        long readings = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (i == BLOCKS_PER_STEP || i > 0 && readings >= READINGS_PER_STEP) {
                return i;
            }
            readings += headers.get(i).count();
        }
        return headers.size();
    }

    /** Whether the statistics of every day that {@code [fromMicros, toMicros)} touches are kept, in each zone. */
    private boolean daysKept(long sensorKey, long fromMicros, long toMicros, List<ZoneId> zones) {
        for (ZoneId zone : zones) {
            if (!aggregations.keep(sensorKey, zone, EpochMicros.toInstant(fromMicros).atZone(zone).toLocalDate(),
                    EpochMicros.toInstant(toMicros - 1).atZone(zone).toLocalDate())) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the rollups, removes the blocks and notes how far the sensor is swept, all or nothing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remove(long sensorKey, long fromMicros, long toMicros, List<BlockHeader> rollups) {
        Sql.run(dataSource, connection -> {
            new RollupRows(connection).insert(sensorKey, rollups);
            return null;
        });
        blocks.removeWhole(sensorKey, fromMicros, toMicros);
        sensors.swept(sensorKey, toMicros);
    }
}
