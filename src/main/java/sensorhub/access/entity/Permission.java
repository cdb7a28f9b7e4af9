package sensorhub.access.entity;

import java.util.Locale;

/** What a key allows: reading, writing sensors and readings, deleting sensors, or managing keys (all of them). */
public enum Permission {
    READ, WRITE, DELETE, ADMIN;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Permission fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
