package sensorhub.sensors.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonMergePatch;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sensorhub.database.control.TransientFailures;
import sensorhub.problems.boundary.InvalidFieldsException;
import sensorhub.problems.control.RejectedException.Field;
import sensorhub.sensors.control.InvalidSensorsException;
import sensorhub.sensors.control.SensorBatchTooLargeException;
import sensorhub.sensors.control.SensorIdTakenException;
import sensorhub.sensors.control.SensorNotFoundException;
import sensorhub.sensors.entity.Sensor;
import sensorhub.sensors.entity.SensorTag;

/**
 * The rules for changing sensors, each change in a transaction: ids are unique, batches are all or nothing, and
 * every change records the key that made it. Only the door ({@link sensorhub.sensors.boundary.Sensors}) calls it.
 */
@Stateless
public class SensorWrites {

    static final int MAX_BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public List<Sensor> register(List<SensorJson> batch, String caller) {
        if (batch.isEmpty()) {
            throw new InvalidSensorsException("The batch holds no sensor.");
        }
        if (batch.size() > MAX_BATCH) {
            throw new SensorBatchTooLargeException(
                    "A batch holds at most " + MAX_BATCH + " sensors; this one holds " + batch.size() + ".");
        }
        rejectTakenIds(batch);
        Instant now = now();
        List<Sensor> created = new ArrayList<>(batch.size());
        for (SensorJson description : batch) {
            Sensor sensor = new Sensor(description.id());
            description.describe(sensor, now);
            sensor.changedBy(caller, now);
            em.persist(sensor);
            created.add(sensor);
        }
        flushOrConflict();
        for (int i = 0; i < batch.size(); i++) {
            tag(created.get(i), batch.get(i).tagsOrNone());
        }
        return created;
    }

    public Sensor replace(String id, SensorJson description, String caller) {
        if (!id.equals(description.id())) {
            throw new InvalidSensorsException("The body's id must be the path's id '" + id + "'.",
                    List.of(new Field("id", "must be '" + id + "'")));
        }
        Sensor sensor = find(id);
        description.describe(sensor, sensor.activationDate());
        sensor.changedBy(caller, now());
        em.createNamedQuery(SensorTag.REMOVE_OF_SENSOR).setParameter("key", sensor.key()).executeUpdate();
        tag(sensor, description.tagsOrNone());
        return sensor;
    }

    public Sensor patch(String id, JsonMergePatch patch, String caller) {
        Sensor sensor = find(id);
        SensorJson patched = patched(SensorJson.from(sensor, tagsOf(sensor)), patch);
        Set<ConstraintViolation<SensorJson>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
        return replace(id, patched, caller);
    }

    public void delete(String id) {
        em.remove(find(id));
    }

    private void tag(Sensor sensor, Map<String, String> tags) {
        tags.forEach((key, value) -> em.persist(new SensorTag(sensor.key(), key, value)));
    }

    private Map<String, String> tagsOf(Sensor sensor) {
        return SensorTags.of(em, List.of(sensor.key())).getOrDefault(sensor.key(), Map.of());
    }

    private Sensor find(String id) {
        return em.createNamedQuery(Sensor.BY_ID, Sensor.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> new SensorNotFoundException(id));
    }

    private void rejectTakenIds(List<SensorJson> batch) {
        List<String> ids = batch.stream().map(SensorJson::id).toList();
        Set<String> existing = new HashSet<>(em.createNamedQuery(Sensor.EXISTING_IDS, String.class)
                .setParameter("ids", ids).getResultList());
        Set<String> seen = new HashSet<>();
        List<Field> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (existing.contains(ids.get(i))) {
                errors.add(new Field("[" + i + "].id", "a sensor with this id exists"));
            } else if (!seen.add(ids.get(i))) {
                errors.add(new Field("[" + i + "].id", "repeats an id earlier in this batch"));
            }
        }
        if (!errors.isEmpty()) {
            throw new SensorIdTakenException("Sensor ids must be new and unique; nothing was stored.", errors);
        }
    }

    /** A concurrent registration of the same id passes the check above and fails here, on the unique index. */
    private void flushOrConflict() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (TransientFailures.isUniqueViolation(e)) {
                throw new SensorIdTakenException(
                        "A sensor with one of these ids was registered meanwhile; nothing was stored.", List.of());
            }
            throw e;
        }
    }

    private static SensorJson patched(SensorJson current, JsonMergePatch patch) {
        try {
            return current.patched(patch);
        } catch (JsonbException e) {
            throw new InvalidSensorsException("The patch gives a field a value of the wrong type.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
