package sensorhub.access.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import sensorhub.access.entity.Permission;

/** A request for a new API key. */
public record ApiKeyRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]*",
                message = "may hold only letters, digits and . _ @ -") String name,
        @NotEmpty List<@NotNull @Pattern(regexp = "read|write|delete|admin",
                message = "must be one of read, write, delete, admin") String> permissions) {

    /** Declared so that the constraints stay off its parameters (see {@code SensorJson}). */
    @SuppressWarnings("java:S6207")
    public ApiKeyRequest(String name, List<String> permissions) {
        this.name = name;
        this.permissions = permissions;
    }

    Set<Permission> permissionSet() {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        permissions.forEach(p -> set.add(Permission.fromJsonName(p)));
        return set;
    }
}
