package sensorhub.access.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;
import java.util.List;
import sensorhub.access.entity.ApiKey;
import sensorhub.access.entity.Permission;
import sensorhub.time.boundary.IsoInstantAdapter;

/**
 * An API key as listed; {@code key}, the secret, is present only in the answer that created it.
 */
@JsonbPropertyOrder({"id", "name", "permissions", "key", "createdAt", "lastUsedAt"})
public record ApiKeyJson(
        long id,
        String name,
        List<String> permissions,
        String key,
        @JsonbProperty("created_at") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant createdAt,
        @JsonbProperty("last_used_at") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant lastUsedAt) {

    static ApiKeyJson from(ApiKey key) {
        return new ApiKeyJson(key.id(), key.name(),
                key.permissions().stream().map(Permission::jsonName).toList(), null, key.createdAt(),
                key.lastUsedAt());
    }

    static ApiKeyJson created(ApiKeys.NewApiKey created) {
        ApiKeyJson listed = from(created.key());
        return new ApiKeyJson(listed.id, listed.name, listed.permissions, created.secret(), listed.createdAt, null);
    }
}
