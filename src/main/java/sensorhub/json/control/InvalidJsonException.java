package sensorhub.json.control;

import java.util.Comparator;
import java.util.Map;
import sensorhub.problems.control.RejectedException;

/**
 * A request body that is not the JSON this service reads: malformed, truncated, too deep, or of the wrong
 * shape. Its fields name the bad ones as the client wrote them ({@code [3].name}), where known.
 */
public class InvalidJsonException extends RejectedException {

    public InvalidJsonException(String detail) {
        this(detail, Map.of());
    }

    /** @param fields field path to what is wrong with it; empty when the body as a whole is wrong */
    public InvalidJsonException(String detail, Map<String, String> fields) {
        super(Reason.INVALID, detail, fields.entrySet().stream().map(e -> new Field(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Field::name)).toList());
    }
}
