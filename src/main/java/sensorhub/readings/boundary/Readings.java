package sensorhub.readings.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.database.control.TransientFailures;
import sensorhub.json.control.LimitedInputStream;
import sensorhub.readings.control.BlockIngest;
import sensorhub.readings.control.ReadingBatch;
import sensorhub.readings.control.ReadingBlocks;
import sensorhub.readings.control.ReadingBatchParser;
import sensorhub.readings.entity.Reading;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.Sensor;
import sensorhub.time.control.DayWindow;
import sensorhub.time.control.EpochMicros;

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
        return store(ReadingBatchParser.json(limited(body, contentLength), maxBatch));
    }

    public StoreOutcome storeCsv(InputStream body, String contentLength) {
        return store(ReadingBatchParser.csv(limited(body, contentLength), maxBatch));
    }

    private StoreOutcome store(ReadingBatch batch) {
        BlockIngest.Result result = TransientFailures.retried(() -> blocks.store(batch));
        return new StoreOutcome(result.inserted(), result.unchanged());
    }

    private InputStream limited(InputStream body, String contentLength) {
        LimitedInputStream.refuseDeclaredLength(contentLength, maxBodyBytes);
        return new LimitedInputStream(body, maxBodyBytes);
    }

    public DayValuesJson ofDay(String sensorId, DayWindow day) {
        Sensor sensor = sensors.find(sensorId);
        return new DayValuesJson(blocks.values(sensor.key(), day.startMicros(), day.endMicros()),
                sensor.unit());
    }

    /** Readings in {@code [from, to)} after the cursor's time, one more than asked so the caller knows of a next page. */
    public List<Reading> page(String sensorId, Instant from, Instant to, ReadingCursor after, int limit) {
        long key = sensors.find(sensorId).key();
        long fromMicros = after == null ? EpochMicros.of(from) : Math.max(EpochMicros.of(from), after.micros() + 1);
        return blocks.page(key, fromMicros, EpochMicros.of(to), limit + 1);
    }
}
