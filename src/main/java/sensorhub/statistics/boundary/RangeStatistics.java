package sensorhub.statistics.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import sensorhub.blocks.boundary.ReadingBlocks;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.retention.control.Expiry;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.statistics.control.Percentiles.Percentile;
import sensorhub.statistics.control.RangeFigures;
import sensorhub.time.control.EpochMicros;

/** A sensor's statistics over any range of its readings, each asked of the readings as they are now. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RangeStatistics {

    @EJB
    Sensors sensors;

    @EJB
    ReadingBlocks blocks;

    public RangeStatisticsJson of(String sensorId, Instant from, Instant to, List<Percentile> percentiles) {
        long fromMicros = EpochMicros.of(from);
        long toMicros = EpochMicros.of(to);
        if (toMicros <= fromMicros) {
            throw new InvalidParameterException("to", "must be after 'from'");
        }
        SensorKey sensor = sensors.key(sensorId);
        Expiry.refuseBefore(sensor, fromMicros, "statistics asked for");
        return RangeStatisticsJson.of(from, to,
                blocks.scanned(sensor.key(), fromMicros, toMicros, scan -> RangeFigures.of(scan::pass, percentiles)));
    }
}
