package sensorhub.aggregations.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.aggregations.entity.DailyAggregate;
import sensorhub.database.control.TransientFailures;
import sensorhub.problems.boundary.ProblemException;
import sensorhub.readings.boundary.SensorValues;
import sensorhub.sensors.boundary.SensorNotFoundException;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.Sensor;
import sensorhub.time.control.DayWindow;

/**
 * A sensor's daily statistics: kept ones when there are, computed and kept otherwise. Each step runs in a
 * short transaction of its own (see {@link KeptAggregates} for why the order matters), so no connection is
 * held while a day's values are sorted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DailyAggregates {

    @Inject
    @ConfigProperty(name = "sensors.aggregations.max-days")
    int maxDays;

    @EJB
    Sensors sensors;

    @EJB
    KeptAggregates kept;

    @EJB
    SensorValues sensorValues;

    /** The sensor's statistics of one day, with its unit; a day without readings has count 0. */
    public SensorAggregates ofDay(String sensorId, DayWindow day) {
        KeptAggregates.SensorDay found = kept.find(sensorId, day)
                .orElseThrow(() -> new SensorNotFoundException(sensorId));
        DailyAggregate aggregate = found.kept() != null ? found.kept() : compute(found.sensorKey(), day);
        return new SensorAggregates(found.unit(), List.of(aggregate));
    }

    /** The statistics of each day from {@code from} to {@code to} (inclusive) that has readings, in order. */
    public SensorAggregates between(String sensorId, LocalDate from, LocalDate to, ZoneId zone) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > maxDays) {
            throw new ProblemException(Status.BAD_REQUEST,
                    "'to' must be on or after 'from', at most " + maxDays + " days in all.");
        }
        Sensor sensor = sensors.find(sensorId);
        Map<LocalDate, DailyAggregate> known = kept.between(sensor.key(), zone, from, to);
        DayWindow first = DayWindow.of(from, zone);
        Optional<long[]> bounds = sensorValues.bounds(sensor.key(), first.startMicros(),
                DayWindow.of(to, zone).endMicros());
        List<DailyAggregate> result = new ArrayList<>();
        for (DayWindow day = first; !day.day().isAfter(to); day = day.next()) {
            DailyAggregate aggregate = known.get(day.day());
            if (aggregate == null && bounds.isPresent() && overlaps(day, bounds.get())) {
                aggregate = compute(sensor.key(), day);
            }
            if (aggregate != null && aggregate.count() > 0) {
                result.add(aggregate);
            }
        }
        return new SensorAggregates(sensor.unit(), result);
    }

    private static boolean overlaps(DayWindow day, long[] bounds) {
        return day.startMicros() <= bounds[1] && day.endMicros() > bounds[0];
    }

    /**
     * Keeping is an optimisation: where the database gives up on a claim or a fill for a concurrent write (a
     * deadlock), the day is answered all the same and kept by a later request.
     */
    private DailyAggregate compute(long sensorKey, DayWindow day) {
        OptionalLong claim = TransientFailures.unlessTransient(() -> kept.claim(sensorKey, day), OptionalLong.empty());
        DailyAggregate aggregate = DailyAggregate.of(day.day(),
                sensorValues.values(sensorKey, day.startMicros(), day.endMicros()));
        claim.ifPresent(c -> TransientFailures.unlessTransient(() -> {
            kept.fill(sensorKey, day, c, aggregate);
            return true;
        }, false));
        return aggregate;
    }

    /** Statistics of a sensor's days, and the unit they are in. */
    public record SensorAggregates(String unit, List<DailyAggregate> days) {
    }
}
