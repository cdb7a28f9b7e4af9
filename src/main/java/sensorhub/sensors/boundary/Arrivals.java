package sensorhub.sensors.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import sensorhub.sensors.entity.Door;
import sensorhub.time.control.EpochMicros;

/**
 * Notes how sensors' readings arrive and when each way last brought one, for the dashboard: after a batch is
 * committed, and at most once a minute per sensor and door on each instance, so that ingest pays one statement a
 * minute per sensor, not one a batch. A note that fails is left for the next batch: the readings are stored either
 * way.
 */
@ApplicationScoped
public class Arrivals {

    static final long NOTE_EVERY_MICROS = 60_000_000L;
    private static final Logger LOG = Logger.getLogger(Arrivals.class.getName());

    private final Map<Noted, Long> noted = new ConcurrentHashMap<>();

    @EJB
    Sensors sensors;

    @Inject
    Clock clock;

    /** A sensor and a door, noted last at a time kept in {@link #noted}. */
    private record Noted(long sensorKey, Door door) {
    }

    public void heard(long[] sensorKeys, Door door) {
        long now = EpochMicros.of(clock.instant());
        List<Long> due = new ArrayList<>();
        for (long key : sensorKeys) {
            Long last = noted.get(new Noted(key, door));
            if (last == null || now - last >= NOTE_EVERY_MICROS) {
                noted.put(new Noted(key, door), now);
                due.add(key);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        try {
            sensors.heard(due, door, now);
        } catch (RuntimeException e) {
            due.forEach(key -> noted.remove(new Noted(key, door)));
            LOG.log(Level.FINE, "Arrivals not noted this time", e);
        }
    }
}
