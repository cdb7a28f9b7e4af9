package sensorhub.sensors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import sensorhub.time.entity.EpochMicrosConverter;

/**
 * A registered sensor. The client names it ({@code id}); the tables join on {@code sensor_key}, a number the
 * server assigns, so the readings table does not repeat a 90-character string in every row.
 */
@Entity
@Table(name = "sensors")
@NamedQuery(name = Sensor.BY_ID, query = "SELECT s FROM Sensor s WHERE s.id = :id")
@NamedQuery(name = Sensor.EXISTING_IDS, query = "SELECT s.id FROM Sensor s WHERE s.id IN :ids")
public class Sensor {

    public static final String BY_ID = "Sensor.byId";
    public static final String EXISTING_IDS = "Sensor.existingIds";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "sensor_keys")
    @TableGenerator(name = "sensor_keys", table = "id_sequences", pkColumnName = "sequence_name",
            valueColumnName = "next_value", pkColumnValue = "sensors", allocationSize = 50)
    @Column(name = "sensor_key")
    private Long key;

    @Column(name = "id")
    private String id;

    @Column(name = "name")
    private String name;

    @Column(name = "type")
    private String type;

    @Column(name = "unit")
    private String unit;

    @Column(name = "location")
    private String location;

    @Column(name = "retention")
    private String retention;

    @Column(name = "swept_before", insertable = false, updatable = false)
    private Long sweptBefore;

    @Column(name = "active")
    private boolean active;

    @Column(name = "activation_date")
    @Convert(converter = EpochMicrosConverter.class)
    private Instant activationDate;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    @Convert(converter = EpochMicrosConverter.class)
    private Instant updatedAt;

    protected Sensor() {
    }

    public Sensor(String id) {
        this.id = id;
    }

    /** Sets every client-owned field at once, as a replacement does, and records who changed it and when. */
    public void describe(String name, String type, String unit, String location, String retention, boolean active,
            Instant activationDate) {
        this.retention = retention;
        this.name = name;
        this.type = type;
        this.unit = unit;
        this.location = location;
        this.active = active;
        this.activationDate = activationDate;
    }

    public void changedBy(String caller, Instant at) {
        this.updatedBy = caller;
        this.updatedAt = at;
    }

    public Long key() {
        return key;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String unit() {
        return unit;
    }

    public String location() {
        return location;
    }

    /** The sensor's own retention (an ISO-8601 duration), null where the configured default applies. */
    public String retention() {
        return retention;
    }

    /** Before this instant (epoch microseconds) its readings were removed by its retention; null while none were. */
    public Long sweptBefore() {
        return sweptBefore;
    }

    public boolean active() {
        return active;
    }

    public Instant activationDate() {
        return activationDate;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
