package sensorhub.sensors.boundary;

import jakarta.json.Json;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import sensorhub.json.control.JsonShape;
import sensorhub.retention.control.Retention;
import sensorhub.sensors.entity.Sensor;
import sensorhub.time.boundary.IsoInstantAdapter;

/**
 * A sensor as clients send and receive it. {@code updated_by} and {@code updated_at} are the server's to set:
 * they are ignored on input. {@code tags} sent absent or null are none; they are answered always, in key order.
 */
@JsonbPropertyOrder({"id", "name", "type", "unit", "location", "tags", "retention", "active", "activationDate",
        "updatedBy", "updatedAt"})
public record SensorJson(
        @NotNull @Size(min = 1, max = 90) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String id,
        @NotBlank @Size(max = 200) @Pattern(regexp = TEXT_PATTERN, message = TEXT_RULE) String name,
        @NotBlank @Size(max = 90) @Pattern(regexp = TEXT_PATTERN, message = TEXT_RULE) String type,
        @NotBlank @Size(max = 30) @Pattern(regexp = TEXT_PATTERN, message = TEXT_RULE) String unit,
        @Size(max = 200) @Pattern(regexp = TEXT_PATTERN, message = TEXT_RULE) String location,
        @Size(max = MAX_TAGS) Map<@NotNull @Size(min = 1, max = 64) @Pattern(regexp = TAG_KEY_PATTERN,
                message = TAG_KEY_RULE) String, @NotNull @Size(min = 1, max = 256) @Pattern(regexp = TAG_VALUE_PATTERN,
                message = TAG_VALUE_RULE) String> tags,
        @JsonbNillable @Size(max = 40) @Pattern(regexp = Retention.PATTERN, message = Retention.RULE) String retention,
        Boolean active,
        @JsonbProperty("activation_date") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant activationDate,
        @JsonbProperty("updated_by") String updatedBy,
        @JsonbProperty("updated_at") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant updatedAt) {

    /**
     * The ids a sensor may have (besides 1 to 90 characters): those that {@code /api/sensors/{id}}, percent-encoded,
     * names on the servers this service runs on, and that a client building the URL by hand does not break. Found
     * by registering each kind and reading, replacing, patching and deleting it through the URL on Payara Micro
     * ({@code SensorsResourceIT#everyRegisteredIdIsAddressable}): Grizzly refuses an encoded backslash
     * ({@code %5C}) and a last segment of three or more dots with 400; {@code .} and {@code ..} are dot-segments,
     * which RFC 3986 clients resolve away before sending; a control character has no place in a URL and cannot be
     * told apart when shown. {@code /}, {@code ?}, {@code #}, {@code %} and spaces would pass encoded on Payara,
     * but a URL written without encoding means something else with them, and servers differ on an encoded slash,
     * so they stay refused. {@code ;} (encoded), {@code .} and {@code ..} inside an id and any other Unicode
     * character pass. Written for JSON Schema and ECMA-262 as well as Java: the OpenAPI document states it as it
     * is ({@code SensorId} in META-INF/openapi.yaml; OpenApiRoutesTest holds the two together).
     */
    public static final String ID_PATTERN = "^(?!\\.+$)[^/?#%\\\\\\u0000-\\u0020\\u007f-\\u009f]*$";
    /**
     * Begins as it did when only white space and the five characters were refused (the dashboard shows it); the
     * backslash is doubled for Bean Validation's message interpolation, which takes one as an escape.
     */
    static final String ID_RULE = "must not contain white space, control characters or any of / ? # % \\\\ "
            + "and must not be dots alone: no URL could name such a sensor";
    /**
     * Text fields hold no control characters (U+0000 to U+001F, U+007F to U+009F): a name, type, unit or location is
     * shown on the dashboard, written into CSV and matched by {@code ?type=} and {@code ?location=}, where a
     * control character is invisible or must be sent percent-encoded, which servers refuse in parts of a URL.
     */
    public static final String TEXT_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$";
    static final String TEXT_RULE = "must not contain control characters (tabs and line breaks included)";
    /**
     * A tag's value: text that neither begins nor ends with a space. MySQL's and MariaDB's binary collations pad
     * with spaces, so {@code B7} and {@code B7 } would be one value there (and one key, a duplicate) but two on H2.
     */
    public static final String TAG_VALUE_PATTERN = "^[^\\u0000-\\u0020\\u007f-\\u009f]"
            + "([^\\u0000-\\u001f\\u007f-\\u009f]*[^\\u0000-\\u0020\\u007f-\\u009f])?$";
    static final String TAG_VALUE_RULE = "must not contain control characters nor begin or end with a space";
    /** A tag's key: as a value, and without {@code :}, which separates key and value in {@code ?tag=key:value}. */
    public static final String TAG_KEY_PATTERN = "^[^:\\u0000-\\u0020\\u007f-\\u009f]"
            + "([^:\\u0000-\\u001f\\u007f-\\u009f]*[^:\\u0000-\\u0020\\u007f-\\u009f])?$";
    static final String TAG_KEY_RULE = "must not contain control characters or ':' (it separates key and value in "
            + "?tag=) nor begin or end with a space";

    /** Tags a sensor may carry at most (API.md, "Sensor tags"). */
    public static final int MAX_TAGS = 32;

    private static final Jsonb JSON = JsonbBuilder.create();

    /**
     * Declared, not implied, so that the components' constraints stay off the constructor's parameters:
     * Payara's OpenAPI scanner takes a constrained parameter for a path parameter and fails.
     */
    @SuppressWarnings("java:S6207")
    public SensorJson(String id, String name, String type, String unit, String location, Map<String, String> tags,
            String retention, Boolean active,
            @JsonbProperty("activation_date") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant activationDate,
            @JsonbProperty("updated_by") String updatedBy,
            @JsonbProperty("updated_at") @JsonbTypeAdapter(IsoInstantAdapter.class) Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.unit = unit;
        this.location = location;
        this.tags = tags;
        this.retention = retention;
        this.active = active;
        this.activationDate = activationDate;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    /** The sensor with its tags, in key order. */
    public static SensorJson from(Sensor sensor, Map<String, String> tags) {
        return new SensorJson(sensor.id(), sensor.name(), sensor.type(), sensor.unit(), sensor.location(),
                new TreeMap<>(tags), sensor.retention(), sensor.active(), sensor.activationDate(), sensor.updatedBy(),
                sensor.updatedAt());
    }

    /** The tags as sent: none where absent. */
    Map<String, String> tagsOrNone() {
        return tags == null ? Map.of() : tags;
    }

    /** Writes the client-owned fields into the entity; an absent activation date becomes the given one. */
    void describe(Sensor sensor, Instant activationIfAbsent) {
        sensor.describe(name, type, unit, location, retention, active == null || active,
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
