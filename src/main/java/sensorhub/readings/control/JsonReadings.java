package sensorhub.readings.control;

import static sensorhub.json.control.JsonTokenizer.END;
import static sensorhub.json.control.JsonTokenizer.NULL;
import static sensorhub.json.control.JsonTokenizer.NUMBER;
import static sensorhub.json.control.JsonTokenizer.STRING;

import java.nio.charset.StandardCharsets;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.JsonTokenizer;
import sensorhub.json.control.StrictJson;

/**
 * Reads a JSON array of {@code {sensor_id, creation_date, value}} from the tokens of a body into
 * {@link ReadingItems}, as the Parsson-based reader before it did (kept in the tests as
 * {@code ReferenceReadingBatchParser}, which property and fuzz tests hold this to): the same items accepted,
 * the same errors in the same order. Other fields are passed over, as gateways add their own; a misspelt one
 * leaves one missing. A field given twice, of the wrong type or null names the item; a malformed body, a key
 * or id with a lone surrogate, or nesting deeper than {@link StrictJson#MAX_DEPTH} fails the whole body at
 * once with {@link sensorhub.json.control.InvalidJsonException}.
 */
final class JsonReadings {

    private static final int SENSOR_ID = 1;
    private static final int CREATION_DATE = 2;
    private static final int VALUE = 4;
    private static final byte[] SENSOR_ID_KEY = "sensor_id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CREATION_DATE_KEY = "creation_date".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUE_KEY = "value".getBytes(StandardCharsets.US_ASCII);
    /** Where the items are: the array itself is at depth 1. */
    private static final int ITEM_DEPTH = 2;

    private final JsonTokenizer json;
    private final ReadingItems items;

    JsonReadings(JsonTokenizer json, ReadingItems items) {
        this.json = json;
        this.items = items;
    }

    ReadingBatch read() {
        int token = json.next();
        if (token != '[') {
            throw isValue(token) ? new InvalidReadingsException("The body must be a JSON array of readings.")
                    : json.unexpectedToken();
        }
        token = json.next();
        for (int index = 0; token != ']'; index++) {
            if (index > 0) {
                token = comma(token);
            }
            item(token, index);
            token = json.next();
        }
        if (json.next() != END) {
            throw json.unexpectedToken();
        }
        return items.finish();
    }

    private void item(int token, int index) {
        if (!isValue(token)) {
            throw json.unexpectedToken();
        }
        items.checkCount(index);
        if (token == '{') {
            fields(index);
        } else {
            skip(token, ITEM_DEPTH);
            items.reject(index, "", "must be an object {sensor_id, creation_date, value}");
        }
    }

    /** Reads the fields of item {@code index} up to its closing brace. */
    private void fields(int index) {
        String sensorId = null;
        String creationDate = null;
        double value = Double.NaN;
        boolean wellTyped = true;
        int seen = 0;
        int token = json.next();
        for (boolean first = true; token != '}'; first = false) {
            if (!first) {
                token = comma(token);
            }
            int field = key(token);
            if (json.next() != ':') {
                throw json.unexpectedToken();
            }
            token = json.next();
            if (!isValue(token)) {
                throw json.unexpectedToken();
            }
            if (field == 0) {
                skip(token, ITEM_DEPTH + 1);
            } else if ((seen & field) != 0) {
                items.reject(index, name(field), "is given twice");
                wellTyped = false;
                skip(token, ITEM_DEPTH + 1);
            } else if (token == (field == VALUE ? NUMBER : STRING)) {
                seen |= field;
                switch (field) {
                    case SENSOR_ID -> sensorId = json.escaped() ? StrictJson.text(json.string())
                            : json.internedString();
                    case CREATION_DATE -> creationDate = json.string();
                    default -> value = finite(json.number());
                }
            } else if (token != NULL) {
                items.reject(index, name(field), field == VALUE ? "must be a number" : "must be a string");
                wellTyped = false;
                skip(token, ITEM_DEPTH + 1);
            }
            token = json.next();
        }
        if (wellTyped) {
            items.accept(index, sensorId, creationDate, value);
        }
    }

    /** Which of the three fields the key just read names, 0 for any other. */
    private int key(int token) {
        if (token != STRING) {
            throw json.unexpectedToken();
        }
        if (json.escaped()) {
            return switch (StrictJson.text(json.string())) {
                case "sensor_id" -> SENSOR_ID;
                case "creation_date" -> CREATION_DATE;
                case "value" -> VALUE;
                default -> 0;
            };
        }
        return json.writtenAs(SENSOR_ID_KEY) ? SENSOR_ID
                : json.writtenAs(CREATION_DATE_KEY) ? CREATION_DATE
                : json.writtenAs(VALUE_KEY) ? VALUE : 0;
    }

    /** The token after the comma that must separate two members of an array or object. */
    private int comma(int token) {
        if (token != ',') {
            throw json.unexpectedToken();
        }
        return json.next();
    }

    /** Reads past the value that {@code token} starts at {@code depth}, as {@link StrictJson#skip} does. */
    private void skip(int token, int depth) {
        if (token != '{' && token != '[') {
            return;
        }
        StrictJson.checkDepth(depth);
        int close = token == '{' ? '}' : ']';
        token = json.next();
        for (boolean first = true; token != close; first = false) {
            if (!first) {
                token = comma(token);
            }
            if (close == '}') {
                if (token != STRING || json.next() != ':') {
                    throw json.unexpectedToken();
                }
                token = json.next();
            }
            if (!isValue(token)) {
                throw json.unexpectedToken();
            }
            skip(token, depth + 1);
            token = json.next();
        }
    }

    private static boolean isValue(int token) {
        return token == STRING || token == NUMBER || token == '{' || token == '[' || token == NULL
                || token == JsonTokenizer.TRUE || token == JsonTokenizer.FALSE;
    }

    private static String name(int field) {
        return switch (field) {
            case SENSOR_ID -> "sensor_id";
            case CREATION_DATE -> "creation_date";
            default -> "value";
        };
    }

    /** NaN for a number beyond the range of a double, which the batch refuses as not finite. */
    private static double finite(double value) {
        return Double.isInfinite(value) ? Double.NaN : value;
    }
}
