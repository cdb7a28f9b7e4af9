package sensorhub.json.control;

import java.util.Map;

/**
 * A request body that is not the JSON this service reads: malformed, truncated, too deep, or of the wrong
 * shape. {@code fields} names the bad fields as the client wrote them ({@code [3].name}), where known.
 */
public class InvalidJsonException extends RuntimeException {

    private final transient Map<String, String> fields;

    public InvalidJsonException(String detail) {
        this(detail, Map.of());
    }

    public InvalidJsonException(String detail, Map<String, String> fields) {
        super(detail);
        this.fields = Map.copyOf(fields);
    }

    /** Field path to what is wrong with it; empty when the body as a whole is wrong. */
    public Map<String, String> fields() {
        return fields;
    }
}
