package sensorhub.sensors.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonMergePatch;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import sensorhub.database.control.Sql;
import sensorhub.database.control.TransientFailures;
import sensorhub.problems.boundary.InvalidFieldsException;
import sensorhub.problems.control.RejectedException.Field;
import sensorhub.sensors.control.InvalidSensorsException;
import sensorhub.sensors.control.SensorBatchTooLargeException;
import sensorhub.sensors.control.SensorCursor;
import sensorhub.sensors.control.SensorIdTakenException;
import sensorhub.sensors.entity.Sensor;
import sensorhub.time.control.EpochMicros;

/**
 * The registered sensors and the rules for changing them: ids are unique, batches are all or nothing, and
 * every change records the key that made it. Reads join a caller's transaction but start none: a read that
 * commits nothing should not pay for a commit.
 */
@Stateless
public class Sensors {

    /** Ids looked up per query: a batch of readings may name many sensors, a query's IN list stays short. */
    static final int IDS_PER_QUERY = 500;
    private static final String KEYS_BY_ID = "SELECT id, sensor_key FROM sensors WHERE id IN (";

    static final int MAX_BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Sensor find(String id) {
        return em.createNamedQuery(Sensor.BY_ID, Sensor.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> new SensorNotFoundException(id));
    }

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
        for (SensorJson json : batch) {
            Sensor sensor = new Sensor(json.id());
            json.describe(sensor, now);
            sensor.changedBy(caller, now);
            em.persist(sensor);
            created.add(sensor);
        }
        flushOrConflict();
        return created;
    }

    public Sensor replace(String id, SensorJson json, String caller) {
        if (!id.equals(json.id())) {
            throw new InvalidSensorsException("The body's id must be the path's id '" + id + "'.",
                    List.of(new Field("id", "must be '" + id + "'")));
        }
        Sensor sensor = find(id);
        json.describe(sensor, sensor.activationDate());
        sensor.changedBy(caller, now());
        return sensor;
    }

    public Sensor patch(String id, JsonMergePatch patch, String caller) {
        Sensor sensor = find(id);
        SensorJson patched = patched(SensorJson.from(sensor), patch);
        Set<ConstraintViolation<SensorJson>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
        return replace(id, patched, caller);
    }

    public void delete(String id) {
        em.remove(find(id));
    }

    /**
     * The key of each of the ids that names a sensor, by id; ids that name none are missing. The one lookup of
     * every readings batch, so it is plain JDBC: EclipseLink prepares a query with a list parameter anew each
     * time, which took a tenth of a JSON batch's server time (README Performance). The IN list is padded to one
     * of a few lengths (the last id repeated), so each connection prepares at most a handful of statements.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Long> keysOf(List<String> ids) {
        return Sql.run(dataSource, connection -> {
            Map<String, Long> keys = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                int listed = paddedLength(chunk.size());
                try (PreparedStatement query = connection.prepareStatement(KEYS_BY_ID + "?"
                        + ", ?".repeat(listed - 1) + ")")) {
                    for (int i = 0; i < listed; i++) {
                        query.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            keys.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                }
            }
            return keys;
        });
    }

    /** The shortest of 1, 4, 16, 64, 256 and {@link #IDS_PER_QUERY} that holds {@code ids}. */
    static int paddedLength(int ids) {
        int length = 1;
        while (length < ids) {
            length *= 4;
        }
        return Math.min(length, IDS_PER_QUERY);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SensorPage list(SensorFilter filter, Optional<SensorCursor> after, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Sensor> query = cb.createQuery(Sensor.class);
        Root<Sensor> sensor = query.from(Sensor.class);
        Path<Instant> activation = sensor.get("activationDate");
        Path<String> id = sensor.get("id");
        List<Predicate> where = new ArrayList<>();
        Optional.ofNullable(filter.location()).ifPresent(l -> where.add(cb.equal(sensor.get("location"), l)));
        Optional.ofNullable(filter.type()).ifPresent(t -> where.add(cb.equal(sensor.get("type"), t)));
        Optional.ofNullable(filter.active()).ifPresent(a -> where.add(cb.equal(sensor.get("active"), a)));
        after.ifPresent(cursor -> {
            Instant at = EpochMicros.toInstant(cursor.activationMicros());
            where.add(cb.or(cb.lessThan(activation, at),
                    cb.and(cb.equal(activation, at), cb.greaterThan(id, cursor.id()))));
        });
        query.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(activation), cb.asc(id));
        List<Sensor> found = em.createQuery(query).setMaxResults(limit + 1).getResultList();
        if (found.size() <= limit) {
            return new SensorPage(found, Optional.empty());
        }
        Sensor last = found.get(limit - 1);
        return new SensorPage(found.subList(0, limit),
                Optional.of(new SensorCursor(EpochMicros.of(last.activationDate()), last.id())));
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
