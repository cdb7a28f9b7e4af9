package sensorhub.aggregations.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.aggregations.control.DaySummaries;
import sensorhub.aggregations.control.KeptAggregations;
import sensorhub.aggregations.entity.DailyAggregation;
import sensorhub.blocks.boundary.ReadingBlocks.Purpose;
import sensorhub.blocks.boundary.ReadingBlocks;
import sensorhub.database.control.TransientFailures;
import sensorhub.meters.control.Meters.StatisticsSource;
import sensorhub.meters.control.Meters;
import sensorhub.numbers.control.Summary;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.retention.control.Expiry;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.time.control.DayWindow;

/**
 * A sensor's daily statistics: kept ones when there are, computed and kept otherwise. Each step runs in a
 * short transaction of its own (see {@link KeptAggregations} for why the order matters): one to claim the days
 * missing from a range, one pass over their blocks (its headers, then the blocks of those days, a few hundred
 * thousand readings a query), and one to keep them all. So a cold year costs a fixed number of transactions and
 * statements, not a number per day.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DailyAggregations {

    @Inject
    @ConfigProperty(name = "sensors.aggregations.max-days")
    int maxDays;

    @Inject
    @ConfigProperty(name = "sensors.retention.zones")
    Optional<String> zones;

    @EJB
    Sensors sensors;

    @EJB
    KeptAggregations kept;

    @EJB
    ReadingBlocks blocks;

    /** The sensor's statistics of one day, with its unit; a day without readings has count 0. */
    public SensorAggregations ofDay(String sensorId, DayWindow day) {
        SensorKey sensor = sensors.key(sensorId);
        Optional<DailyAggregation> found = kept.find(sensor.key(), day);
        Meters.statistics(found.isPresent() ? StatisticsSource.KEPT : StatisticsSource.COMPUTED, 1);
        DailyAggregation aggregation = found.orElseGet(() -> computed(sensor, List.of(day)).get(0));
        return new SensorAggregations(sensor.unit(), List.of(aggregation));
    }

    /** The statistics of each day from {@code from} to {@code to} (inclusive) that has readings, in order. */
    public SensorAggregations between(String sensorId, LocalDate from, LocalDate to, ZoneId zone) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > maxDays) {
            throw new InvalidParameterException("to", "must be on or after 'from', at most " + maxDays
                    + " days in all");
        }
        SensorKey sensor = sensors.key(sensorId);
        Map<LocalDate, DailyAggregation> known = kept.between(sensor.key(), zone, from, to);
        List<DayWindow> missing = new ArrayList<>();
        for (DayWindow day = DayWindow.of(from, zone); !day.day().isAfter(to); day = day.next()) {
            if (!known.containsKey(day.day())) {
                missing.add(day);
            }
        }
        Meters.statistics(StatisticsSource.KEPT, known.size());
        Meters.statistics(StatisticsSource.COMPUTED, missing.size());
        List<DailyAggregation> result = new ArrayList<>(known.values());
        result.addAll(computed(sensor, missing));
        result.removeIf(aggregation -> aggregation.count() == 0);
        result.sort(Comparator.comparing(DailyAggregation::date));
        return new SensorAggregations(sensor.unit(), result);
    }

    /**
     * Makes sure the statistics of a sensor's days from {@code from} to {@code to} (inclusive) in the zone are kept,
     * computing those that are not: what retention does before it removes their readings. Answers whether every
     * day is kept now (not where a concurrent request held a day's claim, or the database gave up on keeping).
     */
    public boolean keep(long sensorKey, ZoneId zone, LocalDate from, LocalDate to) {
        Map<LocalDate, DailyAggregation> known = kept.between(sensorKey, zone, from, to);
        List<DayWindow> missing = new ArrayList<>();
        for (DayWindow day = DayWindow.of(from, zone); !day.day().isAfter(to); day = day.next()) {
            if (!known.containsKey(day.day())) {
                missing.add(day);
            }
        }
        computed(sensorKey, missing);
        return kept.between(sensorKey, zone, from, to).size() == ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The missing days of a sensor: computed, but for those whose readings retention removed. Of those, the sweep
     * kept every day with readings in UTC and the zones it keeps, so a day missing there had none; in another
     * zone, its readings would be needed: 410. The days are of one zone.
     */
    private List<DailyAggregation> computed(SensorKey sensor, List<DayWindow> days) {
        List<DailyAggregation> removed = new ArrayList<>();
        List<DayWindow> stored = new ArrayList<>();
        boolean zoneKept = !days.isEmpty() && Expiry.kept(Expiry.keptZones(zones), days.get(0).zone());
        for (DayWindow day : days) {
            if (day.startMicros() >= sensor.sweptBefore()) {
                stored.add(day);
            } else if (day.endMicros() <= sensor.sweptBefore() && zoneKept) {
                removed.add(DailyAggregation.empty(day.day()));
            } else {
                throw Expiry.gone(sensor, "statistics of " + day.day() + " in " + day.zone());
            }
        }
        removed.addAll(computed(sensor.key(), stored));
        return removed;
    }

    /**
     * Computes the days, keeping what it computed where it could claim the days first: days without readings
     * are kept too (count 0), so that a repeated range reads kept rows alone. The readings are read after the
     * claims were committed, in one pass over the days' blocks. Keeping is an optimisation: where the database
     * gives up on the claims or the fill for a concurrent write (a deadlock), the days are answered all the same
     * and kept by a later request.
     */
    private List<DailyAggregation> computed(long sensorKey, List<DayWindow> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Long> claims = TransientFailures.unlessTransient(() -> kept.claim(sensorKey, days), Map.of());
        List<DailyAggregation> computed = days.size() == 1 ? List.of(computed(sensorKey, days.get(0)))
                : summaries(sensorKey, days);
        if (!claims.isEmpty()) {
            TransientFailures.unlessTransient(() -> {
                kept.fill(sensorKey, days.get(0).zone(), claims, computed);
                return true;
            }, false);
        }
        return computed;
    }

    /** A single day, read at once: its block headers would cost a round trip and save none. */
    private DailyAggregation computed(long sensorKey, DayWindow day) {
        double[] values = blocks.values(Purpose.KEEP, sensorKey, day.startMicros(), day.endMicros());
        return values.length == 0 ? DailyAggregation.empty(day.day())
                : new DailyAggregation(day.day(), values.length, Summary.of(values));
    }

    /** Several days in one pass over their span, blocks touching none of them left unread. */
    private List<DailyAggregation> summaries(long sensorKey, List<DayWindow> days) {
        DaySummaries summaries = new DaySummaries(days);
        blocks.pass(Purpose.KEEP, sensorKey, days.get(0).startMicros(), days.get(days.size() - 1).endMicros(),
                summaries);
        return summaries.summaries();
    }

    /** Statistics of a sensor's days, and the unit they are in. */
    public record SensorAggregations(String unit, List<DailyAggregation> days) {
    }
}
