package sensorhub.sensors.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonMergePatch;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import sensorhub.database.boundary.Retried;
import sensorhub.database.control.Sql;
import sensorhub.sensors.control.SensorNotFoundException;
import sensorhub.sensors.control.SensorRows;
import sensorhub.sensors.entity.Arrival;
import sensorhub.sensors.entity.Door;
import sensorhub.sensors.entity.Sensor;
import sensorhub.sensors.entity.SensorKey;
import sensorhub.sensors.entity.SensorTag;
import sensorhub.time.control.EpochMicros;
import sensorhub.web.boundary.Cursor;
import sensorhub.web.boundary.Page;

/**
 * The registered sensors: the one door to the {@code sensors} table for resources and other features. Reads run
 * outside any transaction; each change runs in one of its own ({@link SensorWrites}), tried again where the
 * database gave up on it for a concurrent transaction's sake.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sensors {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    SensorWrites writes;

    public Sensor find(String id) {
        return em.createNamedQuery(Sensor.BY_ID, Sensor.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> new SensorNotFoundException(id));
    }

    /** The key, unit and retention of the sensor with this id: what every read of its readings needs. */
    public SensorKey key(String id) {
        return Sql.run(dataSource, connection -> new SensorRows(connection).key(id))
                .orElseThrow(() -> new SensorNotFoundException(id));
    }

    /** The key of each of the ids that names a sensor, by id; ids that name none are missing. */
    public Map<String, Long> keysOf(List<String> ids) {
        Map<String, Long> keys = new HashMap<>();
        storing(ids).forEach((id, sensor) -> keys.put(id, sensor.key()));
        return keys;
    }

    /** At most {@code limit} sensors' keys and retentions, in key order after {@code afterKey}. */
    public List<SensorKey> keysAfter(long afterKey, int limit) {
        return Sql.run(dataSource, connection -> new SensorRows(connection).keysAfter(afterKey, limit));
    }

    /** Notes, in the caller's transaction, that the sensor's readings before the instant were removed. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void swept(long sensorKey, long beforeMicros) {
        Sql.run(dataSource, connection -> {
            new SensorRows(connection).swept(sensorKey, beforeMicros);
            return null;
        });
    }

    /** What storing readings of the sensors needs, by id: key and retention; ids that name none are missing. */
    public Map<String, SensorKey> storing(List<String> ids) {
        return Sql.run(dataSource, connection -> new SensorRows(connection).keysOf(ids));
    }

    /** Notes that readings of the sensors came in through the door at {@code micros} ({@link Arrivals}). */
    public void heard(List<Long> sensorKeys, Door door, long micros) {
        Sql.run(dataSource, connection -> {
            new SensorRows(connection).heard(sensorKeys, door, micros);
            return null;
        });
    }

    /** How the sensor's readings came in, by door, and when each last brought one. */
    public List<Arrival> arrivals(String id) {
        long key = key(id).key();
        return Sql.run(dataSource, connection -> new SensorRows(connection).arrivals(key));
    }

    /** A page of the sensors the filter lets through, newest activation date first, then by id. */
    public Page<Sensor> list(SensorFilter filter, Optional<Cursor> after, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Sensor> query = cb.createQuery(Sensor.class);
        Root<Sensor> sensor = query.from(Sensor.class);
        Path<Instant> activation = sensor.get("activationDate");
        Path<String> id = sensor.get("id");
        List<Predicate> where = new ArrayList<>();
        Optional.ofNullable(filter.location()).ifPresent(l -> where.add(cb.equal(sensor.get("location"), l)));
        Optional.ofNullable(filter.type()).ifPresent(t -> where.add(cb.equal(sensor.get("type"), t)));
        Optional.ofNullable(filter.active()).ifPresent(a -> where.add(cb.equal(sensor.get("active"), a)));
        for (SensorFilter.Tag tag : filter.tags()) {
            Subquery<Long> tagged = query.subquery(Long.class);
            Root<SensorTag> row = tagged.from(SensorTag.class);
            tagged.select(row.get("sensorKey")).where(cb.equal(row.get("sensorKey"), sensor.get("key")),
                    cb.equal(row.get("key"), tag.key()), cb.equal(row.get("value"), tag.value()));
            where.add(cb.exists(tagged));
        }
        after.ifPresent(cursor -> {
            Instant at = EpochMicros.toInstant(cursor.micros());
            where.add(cb.or(cb.lessThan(activation, at),
                    cb.and(cb.equal(activation, at), cb.greaterThan(id, cursor.id()))));
        });
        query.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(activation), cb.asc(id));
        return Page.of(em.createQuery(query).setMaxResults(limit + 1).getResultList(), limit,
                last -> new Cursor(EpochMicros.of(last.activationDate()), last.id()));
    }

    /** The tags of each of the sensors that has any, by sensor key, read in one query for all. */
    public Map<Long, Map<String, String>> tagsOf(List<Long> sensorKeys) {
        Map<Long, Map<String, String>> tags = new HashMap<>();
        for (int from = 0; from < sensorKeys.size(); from += SensorRows.IDS_PER_QUERY) {
            tags.putAll(SensorTags.of(em, sensorKeys.subList(from, Math.min(sensorKeys.size(),
                    from + SensorRows.IDS_PER_QUERY))));
        }
        return tags;
    }

    /** The sensors as clients see them, with their tags, read in one query for all. */
    public List<SensorJson> described(List<Sensor> found) {
        Map<Long, Map<String, String>> tags = SensorTags.of(em, found.stream().map(Sensor::key).toList());
        return found.stream().map(sensor -> SensorJson.from(sensor, tags.getOrDefault(sensor.key(), Map.of())))
                .toList();
    }

    public SensorJson described(Sensor sensor) {
        return described(List.of(sensor)).get(0);
    }

    @Retried
    public List<Sensor> register(List<SensorJson> batch, String caller) {
        return writes.register(batch, caller);
    }

    @Retried
    public Sensor replace(String id, SensorJson json, String caller) {
        return writes.replace(id, json, caller);
    }

    @Retried
    public Sensor patch(String id, JsonMergePatch patch, String caller) {
        return writes.patch(id, patch, caller);
    }

    @Retried
    public void delete(String id) {
        writes.delete(id);
    }
}
