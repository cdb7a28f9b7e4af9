package sensorhub.retention.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.blocks.boundary.ReadingBlocks;
import sensorhub.blocks.entity.BlockStorage;
import sensorhub.retention.control.Retention;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.time.control.EpochMicros;

/** How much a sensor's readings take, and the retention in force over them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SensorStorage {

    @EJB
    Sensors sensors;

    @EJB
    ReadingBlocks blocks;

    @Inject
    @ConfigProperty(name = "sensors.retention.default")
    Optional<String> defaultRetention;

    @Inject
    Clock clock;

    public StorageJson of(String sensorId) {
        SensorKey sensor = sensors.key(sensorId);
        BlockStorage stored = blocks.storage(sensor.key());
        Optional<String> retention = Optional.ofNullable(sensor.retention()).or(() -> defaultRetention);
        Instant expiresBefore = retention.map(Retention::parse)
                .map(r -> EpochMicros.toInstant(r.cutoff(EpochMicros.of(clock.instant())))).orElse(null);
        return new StorageJson(stored.readings(), stored.bytes(), instant(stored.oldestMicros()),
                instant(stored.newestMicros()), retention.orElse(null), expiresBefore);
    }

    private static Instant instant(Long micros) {
        return micros == null ? null : EpochMicros.toInstant(micros);
    }
}
