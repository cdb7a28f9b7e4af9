package sensorhub.access.entity;

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
import java.util.Set;
import java.util.stream.Collectors;
import sensorhub.time.entity.EpochMicrosConverter;

/** A stored API key: only the SHA-256 of its secret is kept. Revoked keys stay, so names are never reused. */
@Entity
@Table(name = "api_keys")
@NamedQuery(name = ApiKey.ACTIVE, query = "SELECT k FROM ApiKey k WHERE k.revokedAt IS NULL ORDER BY k.id")
@NamedQuery(name = ApiKey.NOTE_USE, query = "UPDATE ApiKey k SET k.lastUsedAt = :now WHERE k.id = :id")
@NamedQuery(name = ApiKey.COUNT_BY_NAME, query = "SELECT COUNT(k) FROM ApiKey k WHERE k.name = :name")
public class ApiKey {

    public static final String ACTIVE = "ApiKey.active";
    public static final String COUNT_BY_NAME = "ApiKey.countByName";
    public static final String NOTE_USE = "ApiKey.noteUse";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "api_key_ids")
    @TableGenerator(name = "api_key_ids", table = "id_sequences", pkColumnName = "sequence_name",
            valueColumnName = "next_value", pkColumnValue = "api_keys", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Column(name = "name")
    private String name;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "permissions")
    private String permissions;

    @Column(name = "created_at")
    @Convert(converter = EpochMicrosConverter.class)
    private Instant createdAt;

    @Column(name = "last_used_at")
    @Convert(converter = EpochMicrosConverter.class)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    @Convert(converter = EpochMicrosConverter.class)
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String name, String secretHash, Set<Permission> permissions, Instant createdAt) {
        this.name = name;
        this.secretHash = secretHash;
        this.permissions = permissions.stream().map(Permission::jsonName).sorted().collect(Collectors.joining(","));
        this.createdAt = createdAt;
    }

    public Set<Permission> permissions() {
        return Permission.setOf(permissions);
    }

    public void revoke(Instant now) {
        revokedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
