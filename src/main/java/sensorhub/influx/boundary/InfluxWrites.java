package sensorhub.influx.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.influx.control.CatalogRows;
import sensorhub.influx.control.LineProtocol;
import sensorhub.influx.control.Precision;
import sensorhub.influx.control.SeriesNames;
import sensorhub.influx.control.SeriesNames.Description;
import sensorhub.influx.control.WrittenPoints;
import sensorhub.influx.control.WrittenPoints.Written;
import sensorhub.json.control.LimitedInputStream;
import sensorhub.readings.boundary.Readings;
import sensorhub.readings.boundary.StoreOutcome;
import sensorhub.sensors.boundary.SensorJson;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.control.SensorIdTakenException;
import sensorhub.sensors.entity.Door;
import sensorhub.time.control.EpochMicros;

/**
 * Line protocol written through InfluxDB's API, onto the one ingest path: parsed as it streams in, each series
 * resolved to its sensor ({@link SeriesNames}) and registered where it is new, then stored by {@link Readings} in
 * batches of at most the batch limit, each whole or not at all. Lines that fail to parse, and series that cannot be
 * sensors, are refused; the rest is stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InfluxWrites {

    /** The longest measurement and field key kept in the catalog ({@code influx_series}). */
    static final int MAX_NAME = 256;
    /** Sensors registered in one transaction at most (as a REST batch of sensors). */
    static final int SENSORS_PER_REGISTRATION = 1000;
    /** Registrations tried again where another writer registered some of the same series meanwhile. */
    static final int REGISTRATION_ATTEMPTS = 3;

    @Inject
    @ConfigProperty(name = "sensors.readings.max-batch")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "sensors.readings.max-body-bytes")
    long maxBodyBytes;

    @EJB
    Readings readings;

    @EJB
    Sensors sensors;

    @Inject
    InfluxCatalog catalog;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    /** What a write stored, and what it refused. */
    public record Outcome(StoreOutcome stored, WrittenPoints points) {
    }

    /**
     * @param body the body, decompressed; at most {@code sensors.readings.max-body-bytes} are read, and a body whose
     *     {@code contentLength} says more is refused before it is read, as a REST batch is
     * @param caller the key's name, written as a new sensor's {@code updated_by}
     */
    public Outcome write(String database, Precision precision, InputStream body, String contentLength, String caller)
            throws IOException {
        LimitedInputStream.refuseDeclaredLength(contentLength, maxBodyBytes);
        WrittenPoints points = new WrittenPoints(database, maxBatch);
        LineProtocol.read(new LimitedInputStream(body, maxBodyBytes), precision, EpochMicros.of(clock.instant()),
                points);
        catalog.noteDatabase(database);
        if (points.written().isEmpty()) {
            return new Outcome(new StoreOutcome(0, 0), points);
        }
        Map<String, Long> keys = registered(points, caller);
        points.written().values().forEach(series -> catalog.noteSeries(keys.get(series.sensorId()), database,
                series.measurement(), series.field(), series.integer() ? CatalogRows.INTEGER : CatalogRows.FLOAT));
        int inserted = 0;
        int unchanged = 0;
        for (ReadingBatch batch : points.batches()) {
            StoreOutcome outcome = readings.store(batch, Door.INFLUX);
            inserted += outcome.inserted();
            unchanged += outcome.unchanged();
        }
        return new Outcome(new StoreOutcome(inserted, unchanged), points);
    }

    /**
     * The key of every sensor of the request, registering those that are new; a new series whose sensor the rules
     * refuse (a tag too long, say) is dropped from the points with the rule's words.
     */
    private Map<String, Long> registered(WrittenPoints points, String caller) {
        Map<String, Long> keys = new LinkedHashMap<>(sensors.keysOf(new ArrayList<>(points.written().keySet())));
        Map<String, SensorJson> fresh = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (Written series : points.written().values()) {
            if (!keys.containsKey(series.sensorId())) {
                SensorJson json = described(series);
                refusal(series, json).ifPresentOrElse(reason -> refused.put(series.sensorId(), reason),
                        () -> fresh.put(series.sensorId(), json));
            }
        }
        if (!refused.isEmpty()) {
            points.refuse(refused);
        }
        for (int attempt = 1; !fresh.isEmpty(); attempt++) {
            try {
                List<SensorJson> batch = fresh.values().stream().limit(SENSORS_PER_REGISTRATION).toList();
                sensors.register(batch, caller).forEach(sensor -> keys.put(sensor.id(), sensor.key()));
                batch.forEach(json -> fresh.remove(json.id()));
            } catch (SensorIdTakenException e) {
                if (attempt == REGISTRATION_ATTEMPTS) {
                    throw e;
                }
                Map<String, Long> meanwhile = sensors.keysOf(new ArrayList<>(fresh.keySet()));
                keys.putAll(meanwhile);
                meanwhile.keySet().forEach(fresh::remove);
            }
        }
        return keys;
    }

    private static SensorJson described(Written series) {
        Description d = SeriesNames.describe(series.series(), series.field());
        return new SensorJson(series.sensorId(), d.name(), d.type(), d.unit(), d.location(), d.tags(), null, true,
                null, null, null);
    }

    /** Why the series cannot be a sensor, in the rules' words, if it cannot. */
    private Optional<String> refusal(Written series, SensorJson json) {
        if (series.measurement().length() > MAX_NAME || series.field().length() > MAX_NAME) {
            return Optional.of("measurement and field key may have at most " + MAX_NAME + " characters");
        }
        return validator.validate(json).stream()
                .min(Comparator.comparing((ConstraintViolation<SensorJson> v) -> v.getPropertyPath().toString()))
                .map(v -> fieldName(v) + " " + v.getMessage());
    }

    /** The sensor field a violation names, as the series gives it: a tag's key rather than the map's path. */
    private static String fieldName(ConstraintViolation<SensorJson> violation) {
        String path = violation.getPropertyPath().toString();
        return path.startsWith("tags") ? "tag" : "the sensor's " + path.replaceAll("\\W.*$", "");
    }
}
