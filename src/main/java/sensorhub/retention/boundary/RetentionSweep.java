package sensorhub.retention.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import sensorhub.database.boundary.SchemaReadiness;
import sensorhub.database.control.Sql;
import sensorhub.retention.control.Expiry;
import sensorhub.retention.control.LeaseRows;
import sensorhub.retention.control.Retention;
import sensorhub.sensors.boundary.Sensors;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.time.control.EpochMicros;

/**
 * Runs the retention sweep every {@code sensors.retention.sweep-every}, on the instance that holds the sweep's
 * lease: the first to take it when it is free, keeping it by renewing it after each step; another instance takes
 * it over once its holder stopped renewing for {@link #LEASE}. Each sensor with a retention is swept step by step
 * ({@link Sweeps}) up to its {@link Retention#sweptBefore}. A failing step is logged and tried at the next sweep.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionSweep {

    static final String LEASE_NAME = "retention-sweep";
    /** How long a lease lasts unrenewed: a step takes well under a second, so a live holder renews it in time. */
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final int SENSORS_PER_QUERY = 1000;
    static final int PAUSE_PER_STEP = 9;
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(RetentionSweep.class.getName());

    @Resource
    TimerService timers;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    Sweeps sweeps;

    @EJB
    Sensors sensors;

    @Inject
    Clock clock;

    @Inject
    @Readiness
    SchemaReadiness schema;

    @Inject
    @ConfigProperty(name = "sensors.retention.sweep-every")
    String sweepEvery;

    @Inject
    @ConfigProperty(name = "sensors.retention.default")
    Optional<String> defaultRetention;

    @Inject
    @ConfigProperty(name = "sensors.retention.zones")
    Optional<String> keptZones;

    private final String holder = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private List<ZoneId> zones;

    /**
     * Checks the settings, so that a wrong one fails the deployment, and schedules the sweep; logs this instance's
     * holder id, which names it in {@code leases} (the cluster check finds the holder's instance by it).
     */
    @PostConstruct
    void schedule() {
        defaultRetention.ifPresent(Retention::parse);
        zones = Expiry.keptZones(keptZones);
        long every = Duration.parse(sweepEvery).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
        LOG.info(() -> "Retention sweep every " + sweepEvery + "; this instance's lease holder id: " + holder);
    }

    /**
     * Lets the lease go when the application stops, so that another instance, or this one redeployed (a new
     * holder), sweeps at its next timer rather than a minute later; a killed instance's lease expires instead.
     */
    @PreDestroy
    void release() {
        try {
            Sql.run(dataSource, connection -> {
                new LeaseRows(connection).release(LEASE_NAME, holder);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The retention sweep's lease was not let go; it expires within " + LEASE, e);
        }
    }

    /** A timer's call while the sweep before it still runs returns at once, rather than wait for the lock. */
    @Timeout
    @Lock(LockType.READ)
    void sweep() {
        if (!schema.current() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!leased()) {
                return;
            }
            long after = Long.MIN_VALUE;
            for (List<SensorKey> page = sensors.keysAfter(after, SENSORS_PER_QUERY); !page.isEmpty();
                    page = sensors.keysAfter(after, SENSORS_PER_QUERY)) {
                for (SensorKey sensor : page) {
                    if (!sweep(sensor)) {
                        return;
                    }
                }
                after = page.get(page.size() - 1).key();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The retention sweep stopped; the next one goes on", e);
        } finally {
            running.set(false);
        }
    }

    /** Sweeps one sensor up to its limit; false where the lease was lost meanwhile. */
    private boolean sweep(SensorKey sensor) {
        Optional<Retention> retention = Retention.of(sensor.retention(), defaultRetention);
        if (retention.isEmpty()) {
            return true;
        }
        long before = retention.get().sweptBefore(EpochMicros.of(clock.instant()));
        long swept = sensor.sweptBefore();
        while (swept < before) {
            long started = System.nanoTime();
            long reached = sweeps.step(new SensorKey(sensor.key(), sensor.id(), sensor.unit(), sensor.retention(),
                    swept), before, zones);
            if (reached == swept) {
                return true;
            }
            swept = reached;
            if (!pausedAfter(System.nanoTime() - started) || !leased()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leaves the machine to ingest for {@link #PAUSE_PER_STEP} times as long as a step took, so that the sweep
     * uses a tenth of what it could. Measured by the benchmark on 2 cores, ingest's batch p99 while 10 million
     * readings at 1 Hz were swept, against without: 6.7 times with steps of 500 blocks back to back (3.1 s); with
     * these pauses, 1.88 times with steps of 100 blocks, and with steps of a day's readings 1.16 times the rounds
     * after the sweep and 1.02 times those before it (27 s; docs/performance.md). Pausing four times a step gave
     * the same as nine. False if interrupted.
     */
    private static boolean pausedAfter(long stepNanos) {
        try {
            Thread.sleep(Math.min(MAX_PAUSE.toMillis(), PAUSE_PER_STEP * stepNanos / 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Takes or renews the lease; whether this instance holds it. */
    private boolean leased() {
        long now = EpochMicros.of(clock.instant());
        return Sql.run(dataSource, connection -> new LeaseRows(connection).take(LEASE_NAME, holder, now,
                now + LEASE.toNanos() / 1000));
    }
}
