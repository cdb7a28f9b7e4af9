package sensorhub.access.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a key allows: reading, writing sensors and readings, deleting sensors, or managing keys (all of them). */
public enum Permission {
    READ, WRITE, DELETE, ADMIN;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The permissions of a comma-separated list of JSON names, as the api_keys table keeps them. */
    public static Set<Permission> setOf(String jsonNames) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        Arrays.stream(jsonNames.split(",")).map(Permission::fromJsonName).forEach(set::add);
        return set;
    }

    public static Permission fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
