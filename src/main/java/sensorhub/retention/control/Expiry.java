package sensorhub.retention.control;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.time.control.EpochMicros;

/**
 * Where a read meets readings that retention removed: refused with 410, saying what was kept of them; and the
 * zones whose daily statistics were kept for removed days ({@code sensors.retention.zones}, UTC always).
 */
public final class Expiry {

    private Expiry() {
    }

    /** Refuses a read of {@code what} that needs the sensor's readings from {@code fromMicros} on. */
    public static void refuseBefore(SensorKey sensor, long fromMicros, String what) {
        if (fromMicros < sensor.sweptBefore()) {
            throw gone(sensor, what);
        }
    }

    public static ReadingsGoneException gone(SensorKey sensor, String what) {
        return new ReadingsGoneException("The " + what + " need readings of sensor '" + sensor.id() + "' from "
                + "before " + EpochMicros.toInstant(sensor.sweptBefore()) + ", which its retention removed. Kept of "
                + "them: the daily statistics in UTC and the zones the service keeps, and hourly rollups, which "
                + "series with buckets of an hour or longer answer from.");
    }

    /** UTC and the zones listed (comma-separated zone ids), each once. */
    public static List<ZoneId> keptZones(Optional<String> listed) {
        List<ZoneId> zones = new ArrayList<>(List.of(ZoneOffset.UTC));
        listed.ifPresent(text -> Arrays.stream(text.split(",")).map(String::trim).filter(id -> !id.isEmpty())
                .map(ZoneId::of).filter(zone -> !zones.contains(zone.normalized())).forEach(zones::add));
        return zones;
    }

    /** Whether the daily statistics of removed days were kept in this zone. */
    public static boolean kept(List<ZoneId> zones, ZoneId zone) {
        return zones.contains(zone) || zones.contains(zone.normalized());
    }
}
