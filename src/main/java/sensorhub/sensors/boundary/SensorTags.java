package sensorhub.sensors.boundary;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sensorhub.sensors.entity.SensorTag;

/** The tags of some sensors, read in one query. */
final class SensorTags {

    private SensorTags() {
    }

    /** The tags of each of the sensors that has any, by sensor key. */
    static Map<Long, Map<String, String>> of(EntityManager em, List<Long> sensorKeys) {
        Map<Long, Map<String, String>> tags = new HashMap<>();
        if (sensorKeys.isEmpty()) {
            return tags;
        }
        List<Object[]> rows = em.createNamedQuery(SensorTag.OF_SENSORS, Object[].class)
                .setParameter("keys", sensorKeys).getResultList();
        for (Object[] row : rows) {
            tags.computeIfAbsent(((Number) row[0]).longValue(), k -> new HashMap<>()).put((String) row[1],
                    (String) row[2]);
        }
        return tags;
    }
}
