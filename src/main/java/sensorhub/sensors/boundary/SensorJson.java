package sensorhub.sensors.boundary;

import jakarta.json.Json;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.time.Instant;
import sensorhub.json.control.JsonShape;
import sensorhub.sensors.entity.Sensor;
import sensorhub.time.boundary.IsoInstantAdapter;

/**
 * A sensor as clients send and receive it. {@code updated_by} and {@code updated_at} are the server's to set:
 * they are ignored on input.
 */
@JsonbPropertyOrder({"id", "name", "type", "unit", "location", "active", "activationDate", "updatedBy",
        "updatedAt"})
public record SensorJson(
        @NotNull @Size(min = 1, max = 90)
        @Pattern(regexp = "[^/?#%\\\\\\s]*", message = "must not contain white space or any of / ? # % \\") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 90) String type,
        @NotBlank @Size(max = 30) String unit,
        @Size(max = 200) String location,
        Boolean active,
        @JsonbProperty("activation_date") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant activationDate,
        @JsonbProperty("updated_by") String updatedBy,
        @JsonbProperty("updated_at") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant updatedAt) {

    private static final Jsonb JSON = JsonbBuilder.create();

    /**
     * Declared, not implied, so that the components' constraints stay off the constructor's parameters:
     * Payara's OpenAPI scanner takes a constrained parameter for a path parameter and fails.
     */
    @SuppressWarnings("java:S6207")
    public SensorJson(String id, String name, String type, String unit, String location,
            Boolean active,
            @JsonbProperty("activation_date") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant activationDate,
            @JsonbProperty("updated_by") String updatedBy,
            @JsonbProperty("updated_at") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.unit = unit;
        this.location = location;
        this.active = active;
        this.activationDate = activationDate;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public static SensorJson from(Sensor sensor) {
        return new SensorJson(sensor.id(), sensor.name(), sensor.type(), sensor.unit(), sensor.location(),
                sensor.active(), sensor.activationDate(), sensor.updatedBy(), sensor.updatedAt());
    }

    /** Writes the client-owned fields into the entity; an absent activation date becomes the given one. */
    void describe(Sensor sensor, Instant activationIfAbsent) {
        sensor.describe(name, type, unit, location, active == null || active,
                activationDate == null ? activationIfAbsent : activationDate);
    }

    /** This sensor with an RFC 7396 merge patch applied. */
    SensorJson patched(JsonMergePatch patch) {
        JsonValue current = Json.createReader(new StringReader(JSON.toJson(this))).readValue();
        JsonValue result = patch.apply(current);
        JsonShape.check(result, SensorJson.class);
        return JSON.fromJson(result.toString(), SensorJson.class);
    }
}
