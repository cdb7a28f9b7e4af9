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
     * Blocks a step removes at most (and all of the hour it would cut): at 1 Hz, about four days, their daily
     * statistics computed first. Small steps keep each one's hold on the machine short (see RetentionSweep's pause).
     */
    static final int BLOCKS_PER_STEP = 100;
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
        List<BlockHeader> headers = blocks.headers(sensor.key(), from, beforeMicros);
        long until = beforeMicros;
        if (headers.size() > BLOCKS_PER_STEP) {
            until = Math.max(BlockCell.hourOf(headers.get(BLOCKS_PER_STEP).firstMicros()),
                    BlockCell.hourOf(headers.get(0).firstMicros()) + BlockCell.HOUR_MICROS);
        }
        long end = until;
        List<BlockHeader> removed = headers.stream().filter(block -> block.firstMicros() < end).toList();
        if (!removed.isEmpty() && !daysKept(sensor.key(), removed.get(0).firstMicros(), end, zones)) {
            return sensor.sweptBefore();
        }
        context.getBusinessObject(Sweeps.class).remove(sensor.key(), from, end, HourRollups.of(removed));
        return end;
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
