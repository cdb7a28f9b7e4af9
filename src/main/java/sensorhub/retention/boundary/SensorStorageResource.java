package sensorhub.retention.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.blocks.boundary.ReadingBlocks;
import sensorhub.blocks.entity.BlockStorage;
import sensorhub.retention.control.Retention;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.time.control.EpochMicros;

/** How much a sensor's readings take and how long they are kept: {@code /api/sensors/{id}/storage}. */
@Path("sensors/{id}/storage")
@Produces(MediaType.APPLICATION_JSON)
public class SensorStorageResource {

    @EJB
    Sensors sensors;

    @EJB
    ReadingBlocks blocks;

    @Inject
    @ConfigProperty(name = "sensors.retention.default")
    Optional<String> defaultRetention;

    @Inject
    Clock clock;

    @GET
    @Requires(Permission.READ)
    public StorageJson storage(@PathParam("id") String id) {
        SensorKey sensor = sensors.key(id);
        BlockStorage stored = blocks.storage(sensor.key());
        Optional<String> retention = Optional.ofNullable(sensor.retention()).or(() -> defaultRetention);
        return new StorageJson(stored.readings(), stored.bytes(), instant(stored.oldestMicros()),
                instant(stored.newestMicros()), retention.orElse(null), retention.map(Retention::parse)
                        .map(r -> EpochMicros.toInstant(r.cutoff(EpochMicros.of(clock.instant())))).orElse(null));
    }

    private static Instant instant(Long micros) {
        return micros == null ? null : EpochMicros.toInstant(micros);
    }
}
