package sensorhub.access.entity;

import java.security.Principal;
import java.util.Set;

/** The key a request was authenticated with: its name (written as {@code updated_by}) and its permissions. */
public record Caller(String name, Set<Permission> permissions) implements Principal {

    public boolean may(Permission needed) {
        return permissions.contains(Permission.ADMIN) || permissions.contains(needed);
    }

    @Override
    public String getName() {
        return name;
    }
}
