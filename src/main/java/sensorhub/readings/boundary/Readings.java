package sensorhub.readings.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.blocks.boundary.ReadingBlocks.Purpose;
import sensorhub.blocks.boundary.ReadingBlocks;
import sensorhub.blocks.control.BlockCell;
import sensorhub.blocks.control.SeriesPoints;
import sensorhub.blocks.control.UnknownSensorsException;
import sensorhub.blocks.entity.IngestResult;
import sensorhub.blocks.entity.Reading;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.blocks.entity.SeriesPoint;
import sensorhub.json.control.LimitedInputStream;
import sensorhub.meters.control.Meters;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.problems.control.RejectedException.Field;
import sensorhub.problems.control.RejectedException;
import sensorhub.readings.control.Fill;
import sensorhub.readings.control.ReadingBatchParser;
import sensorhub.readings.control.SeriesRow;
import sensorhub.retention.boundary.HourlyRollups;
import sensorhub.retention.control.ExpiredReadingsException;
import sensorhub.retention.control.Expiry;
import sensorhub.retention.control.Retention;
import sensorhub.sensors.boundary.Arrivals;
import sensorhub.sensors.boundary.SensorFilter;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.Door;
import sensorhub.sensors.entity.Sensor;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.statistics.control.BucketPercentiles;
import sensorhub.statistics.control.Percentiles.Percentile;
import sensorhub.time.control.Bucket;
import sensorhub.time.control.DayWindow;
import sensorhub.time.control.EpochMicros;
import sensorhub.web.boundary.Cursor;
import sensorhub.web.boundary.Page;

/**
 * What clients do with readings, whichever way they come in. A batch is parsed outside any transaction (reading a
 * large body from the network must not hold a database connection), its sensors resolved, and then stored whole
 * by the block store, which tries its transaction again where the database gave up on it for another's sake.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Readings {

    @Inject
    @ConfigProperty(name = "sensors.readings.max-batch")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "sensors.readings.max-body-bytes")
    long maxBodyBytes;

    @EJB
    ReadingBlocks blocks;

    @EJB
    Sensors sensors;

    @Inject
    Arrivals arrivals;

    @Inject
    @ConfigProperty(name = "sensors.retention.default")
    Optional<String> defaultRetention;

    @Inject
    Clock clock;

    @EJB
    HourlyRollups rollups;

    public StoreOutcome storeJson(InputStream body, String contentLength) {
        return counted(() -> stored(ReadingBatchParser.json(limited(body, contentLength), maxBatch), Door.REST));
    }

    public StoreOutcome storeCsv(InputStream body, String contentLength) {
        return counted(() -> stored(ReadingBatchParser.csv(limited(body, contentLength), maxBatch), Door.REST));
    }

    /** Stores a batch that another door (MQTT, InfluxDB's API) parsed, exactly as a REST batch is stored. */
    public StoreOutcome store(ReadingBatch batch, Door door) {
        return counted(() -> stored(batch, door));
    }

    private StoreOutcome stored(ReadingBatch batch, Door door) {
        long[] keys = sensorKeys(batch);
        IngestResult result = blocks.store(batch, keys);
        arrivals.heard(keys, door);
        return new StoreOutcome(result.inserted(), result.unchanged());
    }

    /** A batch's outcome counted once ({@code sensorhub_readings_ingested}), or why it was refused. */
    private static StoreOutcome counted(Supplier<StoreOutcome> storing) {
        try {
            StoreOutcome outcome = storing.get();
            Meters.ingested(outcome.inserted(), outcome.unchanged());
            return outcome;
        } catch (RejectedException e) {
            Meters.batchRejected(e.reason());
            throw e;
        }
    }

    private InputStream limited(InputStream body, String contentLength) {
        LimitedInputStream.refuseDeclaredLength(contentLength, maxBodyBytes);
        return new LimitedInputStream(body, maxBodyBytes);
    }

    /**
     * The key of each sensor of the batch, by index; refused whole, naming the items, if any is not registered or
     * is older than its sensor's retention.
     */
    private long[] sensorKeys(ReadingBatch batch) {
        List<String> ids = batch.sensorIds();
        Map<String, SensorKey> found = sensors.storing(ids);
        if (found.size() < ids.size()) {
            throw unknownSensors(batch, found);
        }
        refuseExpired(batch, ids.stream().map(found::get).toList());
        return ids.stream().mapToLong(id -> found.get(id).key()).toArray();
    }

    private void refuseExpired(ReadingBatch batch, List<SensorKey> sensorsOfBatch) {
        long now = EpochMicros.of(clock.instant());
        long[] cutoffs = new long[sensorsOfBatch.size()];
        boolean anyRetention = false;
        for (int s = 0; s < cutoffs.length; s++) {
            Optional<Retention> retention = Retention.of(sensorsOfBatch.get(s).retention(), defaultRetention);
            cutoffs[s] = retention.map(r -> r.cutoff(now)).orElse(Long.MIN_VALUE);
            anyRetention |= retention.isPresent();
        }
        if (!anyRetention) {
            return;
        }
        List<Field> items = new ArrayList<>();
        for (int i = 0; i < batch.size() && items.size() < RejectedException.MAX_FIELDS; i++) {
            long cutoff = cutoffs[batch.sensorOf(i)];
            if (batch.micros(i) < cutoff) {
                items.add(new Field("[" + i + "].creation_date", "is older than the sensor's retention keeps: "
                        + "readings before " + EpochMicros.toInstant(cutoff) + " are refused"));
            }
        }
        if (!items.isEmpty()) {
            throw new ExpiredReadingsException(items);
        }
    }

    private static UnknownSensorsException unknownSensors(ReadingBatch batch, Map<String, SensorKey> found) {
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

    public DayValuesJson ofDay(String sensorId, DayWindow day) {
        SensorKey sensor = sensors.key(sensorId);
        Expiry.refuseBefore(sensor, day.startMicros(), "values of this day");
        return new DayValuesJson(blocks.values(Purpose.SHOW, sensor.key(), day.startMicros(), day.endMicros()),
                sensor.unit());
    }

    /**
     * The series of a sensor's readings in {@code [from, to)}, in the given bucket or, where none is given, the
     * smallest that makes at most {@code maxBuckets}; with the percentiles asked for, and the buckets without
     * readings filled as asked.
     */
    public SeriesJson series(String sensorId, Instant from, Instant to, Optional<Bucket> given, int maxBuckets,
            ZoneId zone, List<Percentile> percentiles, Fill fill) {
        long fromMicros = EpochMicros.of(from);
        long toMicros = EpochMicros.of(to);
        if (toMicros <= fromMicros) {
            throw new InvalidParameterException("to", "must be after 'from'");
        }
        Bucket bucket = given.or(() -> Bucket.fitting(fromMicros, toMicros, zone, maxBuckets))
                .orElseThrow(() -> new InvalidParameterException("max_buckets",
                        "is too few for this range even with buckets of a month"));
        if (bucket.buckets(fromMicros, toMicros, zone, Bucket.MAX_BUCKETS) > Bucket.MAX_BUCKETS) {
            throw new InvalidParameterException("bucket", "would cut this range into more than "
                    + Bucket.MAX_BUCKETS + " buckets; choose a longer one or a shorter range");
        }
        SensorKey sensor = sensors.key(sensorId);
        long key = sensor.key();
        List<SeriesRow> rows = fromMicros < sensor.sweptBefore()
                ? rows(partlyRolledUp(sensor, fromMicros, toMicros, bucket, zone, percentiles), null)
                : percentiles.isEmpty()
                ? rows(blocks.series(key, fromMicros, toMicros, bucket, zone), null)
                : blocks.scanned(key, fromMicros, toMicros, scan -> {
                    SeriesPoints points = new SeriesPoints(bucket, zone);
                    scan.pass(points);
                    List<SeriesPoint> summed = points.points();
                    return rows(summed, BucketPercentiles.of(scan, summed, percentiles));
                });
        List<SeriesRow> filled = fill.filled(rows, bucket.spans(fromMicros, toMicros, zone),
                SeriesRow.PERCENTILES + percentiles.size());
        return new SeriesJson(bucket.name(), zone.getId(),
                filled.stream().map(row -> SeriesPointJson.from(row, percentiles)).toList());
    }

    /**
     * A series reaching back before the sensor's removed readings: their hours from the rollups, the rest from the
     * blocks. Only buckets of whole UTC hours can be answered so (an hour or longer, in a zone whose midnights
     * fall on whole hours), without percentiles, from a whole hour on.
     */
    private List<SeriesPoint> partlyRolledUp(SensorKey sensor, long fromMicros, long toMicros, Bucket bucket,
            ZoneId zone, List<Percentile> percentiles) {
        long swept = Math.min(toMicros, sensor.sweptBefore());
        boolean wholeHours = percentiles.isEmpty() && bucket.compareTo(Bucket.PT1H) >= 0
                && Math.floorMod(fromMicros, BlockCell.HOUR_MICROS) == 0 && bucket.spans(fromMicros, swept, zone)
                .stream().allMatch(span -> Math.floorMod(span[0], BlockCell.HOUR_MICROS) == 0
                        && Math.floorMod(span[1], BlockCell.HOUR_MICROS) == 0);
        if (!wholeHours) {
            throw Expiry.gone(sensor, "series asked for (finer than an hour, in a zone off whole hours, from within "
                    + "an hour, or with percentiles)");
        }
        SeriesPoints points = new SeriesPoints(bucket, zone);
        rollups.between(sensor.key(), fromMicros, swept).forEach(points::header);
        if (toMicros > swept) {
            blocks.pass(Purpose.SHOW, sensor.key(), swept, toMicros, points);
        }
        return points.points();
    }

    private static List<SeriesRow> rows(List<SeriesPoint> points, List<Map<String, Double>> percentiles) {
        List<SeriesRow> rows = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            SeriesPoint p = points.get(i);
            rows.add(SeriesRow.of(p.startMicros(), p.endMicros(), p.count(), p.min(), p.max(), p.mean(), p.first(),
                    p.last(), percentiles == null ? Map.of() : percentiles.get(i)));
        }
        return rows;
    }

    /** The newest reading of each sensor of a page of sensors that has one, in two queries whatever the page's size. */
    public Page<LatestValueJson> latest(SensorFilter filter, Optional<Cursor> after, int limit) {
        Page<Sensor> page = sensors.list(filter, after, limit);
        Map<Long, Reading> latest = blocks.latest(page.items().stream().map(Sensor::key).toList());
        List<LatestValueJson> values = new ArrayList<>();
        for (Sensor sensor : page.items()) {
            Reading reading = latest.get(sensor.key());
            if (reading != null) {
                values.add(new LatestValueJson(sensor.id(), EpochMicros.toInstant(reading.creationMicros()),
                        reading.value(), sensor.unit()));
            }
        }
        return new Page<>(values, page.next());
    }

    /** Removes the sensor's readings of {@code [from, to)} at once, answering how many there were. */
    public long delete(String sensorId, Instant from, Instant to) {
        long key = sensors.key(sensorId).key();
        return blocks.delete(key, EpochMicros.of(from), EpochMicros.of(to));
    }

    /** A page of the sensor's readings in {@code [from, to)}, after the cursor's time if one is given. */
    public Page<Reading> page(String sensorId, Instant from, Instant to, Optional<Cursor> after, int limit) {
        SensorKey sensor = sensors.key(sensorId);
        long key = sensor.key();
        long fromMicros = Math.max(EpochMicros.of(from),
                after.map(cursor -> cursor.micros() + 1).orElse(Long.MIN_VALUE));
        Expiry.refuseBefore(sensor, fromMicros, "readings asked for");
        return Page.of(blocks.page(key, fromMicros, EpochMicros.of(to), limit + 1), limit,
                reading -> Cursor.after(reading.creationMicros()));
    }
}
