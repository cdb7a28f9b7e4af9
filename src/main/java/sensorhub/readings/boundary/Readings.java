package sensorhub.readings.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.database.control.TransientFailures;
import sensorhub.json.control.LimitedInputStream;
import sensorhub.metrics.control.Meters;
import sensorhub.problems.control.RejectedException;
import sensorhub.readings.control.BlockIngest;
import sensorhub.readings.control.Bucket;
import sensorhub.readings.control.ReadingBatch;
import sensorhub.readings.control.ReadingBlocks;
import sensorhub.readings.control.ReadingBlocks.Purpose;
import sensorhub.readings.control.ReadingBatchParser;
import sensorhub.readings.entity.Reading;
import sensorhub.sensors.boundary.SensorFilter;
import sensorhub.sensors.boundary.SensorPage;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.control.SensorCursor;
import sensorhub.sensors.entity.Sensor;
import sensorhub.time.control.DayWindow;
import sensorhub.time.control.EpochMicros;
import sensorhub.problems.control.InvalidParameterException;

/**
 * What clients do with readings. A batch is parsed outside any transaction (reading a large body from the
 * network must not hold a database connection) and then stored in one, tried again where the database gave
 * up on it for a conflict with another transaction (a deadlock, say).
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

    public StoreOutcome storeJson(InputStream body, String contentLength) {
        return counted(() -> store(ReadingBatchParser.json(limited(body, contentLength), maxBatch)));
    }

    public StoreOutcome storeCsv(InputStream body, String contentLength) {
        return counted(() -> store(ReadingBatchParser.csv(limited(body, contentLength), maxBatch)));
    }

    private StoreOutcome store(ReadingBatch batch) {
        BlockIngest.Result result = TransientFailures.retried(() -> blocks.store(batch));
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

    public DayValuesJson ofDay(String sensorId, DayWindow day) {
        Sensor sensor = sensors.find(sensorId);
        return new DayValuesJson(blocks.values(Purpose.SHOW, sensor.key(), day.startMicros(), day.endMicros()),
                sensor.unit());
    }

    /**
     * The series of a sensor's readings in {@code [from, to)}, in the named bucket or the smallest that makes at
     * most {@code maxBuckets}.
     */
    public SeriesJson series(String sensorId, Instant from, Instant to, String bucketName, int maxBuckets,
            ZoneId zone) {
        long fromMicros = EpochMicros.of(from);
        long toMicros = EpochMicros.of(to);
        if (toMicros <= fromMicros) {
            throw new InvalidParameterException("to", "must be after 'from'");
        }
        Bucket bucket = bucketName == null ? Bucket.fitting(fromMicros, toMicros, zone, maxBuckets)
                .orElseThrow(() -> new InvalidParameterException("max_buckets",
                        "is too few for this range even with buckets of a month"))
                : Bucket.named(bucketName);
        if (bucket.buckets(fromMicros, toMicros, zone, Bucket.MAX_BUCKETS) > Bucket.MAX_BUCKETS) {
            throw new InvalidParameterException("bucket", "would cut this range into more than "
                    + Bucket.MAX_BUCKETS + " buckets; choose a longer one or a shorter range");
        }
        long key = sensors.find(sensorId).key();
        return new SeriesJson(bucket.name(), zone.getId(), blocks.series(key, fromMicros, toMicros, bucket, zone)
                .stream().map(SeriesPointJson::from).toList());
    }

    /** A page of sensors' newest readings, and where the next page of sensors starts. */
    public record LatestPage(List<LatestValueJson> values, Optional<SensorCursor> next) {
    }

    /** The newest reading of each sensor of the page that has one, in two queries whatever the page's size. */
    public LatestPage latest(SensorFilter filter, Optional<SensorCursor> after, int limit) {
        SensorPage page = sensors.list(filter, after, limit);
        Map<Long, Reading> latest = blocks.latest(page.sensors().stream().map(Sensor::key).toList());
        List<LatestValueJson> values = new ArrayList<>();
        for (Sensor sensor : page.sensors()) {
            Reading reading = latest.get(sensor.key());
            if (reading != null) {
                values.add(new LatestValueJson(sensor.id(), EpochMicros.toInstant(reading.creationMicros()),
                        reading.value(), sensor.unit()));
            }
        }
        return new LatestPage(values, page.next());
    }

    /** Removes the sensor's readings of {@code [from, to)} at once, answering how many there were. */
    public long delete(String sensorId, Instant from, Instant to) {
        long key = sensors.find(sensorId).key();
        return TransientFailures.retried(() -> blocks.delete(key, EpochMicros.of(from), EpochMicros.of(to)));
    }

    /** Readings in {@code [from, to)} after the cursor's time, one more than asked so the caller knows of a next page. */
    public List<Reading> page(String sensorId, Instant from, Instant to, ReadingCursor after, int limit) {
        long key = sensors.find(sensorId).key();
        long fromMicros = after == null ? EpochMicros.of(from) : Math.max(EpochMicros.of(from), after.micros() + 1);
        return blocks.page(key, fromMicros, EpochMicros.of(to), limit + 1);
    }
}
