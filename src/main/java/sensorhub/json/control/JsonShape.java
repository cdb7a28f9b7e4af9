package sensorhub.json.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import sensorhub.time.control.IsoTimestamps;
import sensorhub.time.boundary.IsoInstantAdapter;

/**
 * Holds a JSON document against the Java type it is to be bound to, before JSON-B sees it: JSON-B would turn
 * {@code 123} into the string {@code "123"}, {@code "1"} into a number, quietly drop unknown keys, and say what
 * went wrong only in messages meant for developers. Records are read by their components, named as JSON-B names
 * them ({@link JsonbProperty}); every wrong field is named, as {@code [3].active}.
 */
public final class JsonShape {

    private static final int MAX_LISTED = 100;

    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonShape() {
    }

    /** @throws InvalidJsonException naming every field whose value the type cannot take */
    public static void check(JsonValue value, Type type) {
        JsonShape shape = new JsonShape();
        shape.conform(value, type, "");
        if (!shape.errors.isEmpty()) {
            throw new InvalidJsonException("The request body has fields of the wrong type or unknown fields: "
                    + String.join(", ", shape.errors.keySet().stream().limit(5).toList())
                    + (shape.errors.size() > 5 ? " and more." : "."), shape.errors);
        }
    }

    /** Whether documents bound to this type are checked here: records, and collections of them. */
    public static boolean covers(Class<?> raw, Type generic) {
        if (raw.isRecord()) {
            return true;
        }
        return Collection.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord();
    }

    private void conform(JsonValue value, Type type, String path) {
        if (value.getValueType() == ValueType.NULL) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                reject(path, "must not be null");
            }
            return;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            conformArray(value, p.getActualTypeArguments()[0], path);
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class) {
            conformMap(value, p.getActualTypeArguments()[1], path);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            conformRecord(value, c, path);
        } else if (type == String.class) {
            expect(value, path, "must be a string", ValueType.STRING);
        } else if (type == Boolean.class || type == boolean.class) {
            expect(value, path, "must be true or false", ValueType.TRUE, ValueType.FALSE);
        } else if (type == Instant.class) {
            conformInstant(value, path);
        } else if (type instanceof Class<?> c && (Number.class.isAssignableFrom(c) || c.isPrimitive())) {
            expect(value, path, "must be a number", ValueType.NUMBER);
        } else {
            reject(path, "cannot be read");
        }
    }

    private void conformArray(JsonValue value, Type element, String path) {
        if (expect(value, path, "must be an array", ValueType.ARRAY)) {
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size() && errors.size() < MAX_LISTED; i++) {
                conform(array.get(i), element, path + "[" + i + "]");
            }
        }
    }

    /** An object read as a map: any keys, each value of the map's value type. */
    private void conformMap(JsonValue value, Type values, String path) {
        if (expect(value, path, "must be an object", ValueType.OBJECT)) {
            for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                if (errors.size() < MAX_LISTED) {
                    conform(entry.getValue(), values, path + "." + entry.getKey());
                }
            }
        }
    }

    private void conformRecord(JsonValue value, Class<?> record, String path) {
        if (!expect(value, path, "must be an object", ValueType.OBJECT)) {
            return;
        }
        JsonObject object = value.asJsonObject();
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            // A component's JSON-B annotations land on its accessor: they do not target record components.
            JsonbProperty named = component.getAccessor().getAnnotation(JsonbProperty.class);
            components.put(named != null ? named.value() : component.getName(), component);
        }
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                reject(fieldPath, "is not a field of this document");
            } else {
                conform(field.getValue(), component.getGenericType(), fieldPath);
            }
        }
    }

    private void conformInstant(JsonValue value, String path) {
        if (expect(value, path, "must be an ISO-8601 timestamp such as 2026-11-28T09:30:00Z", ValueType.STRING)) {
            try {
                IsoTimestamps.instant(((JsonString) value).getString());
            } catch (DateTimeParseException e) {
                reject(path, "must be an ISO-8601 timestamp such as 2026-11-28T09:30:00Z, in the years 1 to 9999");
            }
        }
    }

    private boolean expect(JsonValue value, String path, String message, ValueType... types) {
        for (ValueType type : types) {
            if (value.getValueType() == type) {
                return true;
            }
        }
        reject(path, message);
        return false;
    }

    private void reject(String path, String message) {
        if (errors.size() < MAX_LISTED) {
            errors.put(path.isEmpty() ? "body" : path, message);
        }
    }
}
