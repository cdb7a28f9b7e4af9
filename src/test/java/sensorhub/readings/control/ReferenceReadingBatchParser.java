package sensorhub.readings.control;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.StrictJson;
import sensorhub.problems.control.RejectedException.Field;
import sensorhub.time.control.IsoTimestamps;

/**
 * What {@link ReadingBatchParser#json} must answer: the Parsson-based reader it replaced, kept as it was (only
 * the CSV half is gone, which still lives there), as the oracle of {@code ReadingBatchJsonPropertiesTest} and
 * of {@code ReadingBatchParserFuzzTest#jsonLikeReference}. It reads through {@link StrictJson#parser}, so Parsson
 * (a test dependency; the servers bring their own) decides what is JSON. {@link ParssonReadings}, which answers the
 * bodies Jackson refuses, reads as this does, but through the service's own {@link ReadingItems}; this keeps its
 * own copy, so that it stays an oracle apart from the code it checks.
 */
final class ReferenceReadingBatchParser {

    static final int MAX_LISTED_ERRORS = ReadingItems.MAX_LISTED_ERRORS;
    static final int MAX_ID_LENGTH = ReadingItems.MAX_ID_LENGTH;
    /** A number as JSON writes it; Java would also read {@code 0x1p3}, {@code 2d} and {@code NaN}. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final int maxBatch;
    private final ReadingBatch batch = new ReadingBatch();
    private final List<Field> errors = new ArrayList<>();
    private int invalidItems;

    private ReferenceReadingBatchParser(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    static ReadingBatch json(InputStream body, int maxBatch) {
        return new ReferenceReadingBatchParser(maxBatch).readJson(body);
    }

    private ReadingBatch readJson(InputStream body) {
        try (JsonParser parser = StrictJson.parser(body)) {
            if (!parser.hasNext() || parser.next() != Event.START_ARRAY) {
                throw new InvalidReadingsException("The body must be a JSON array of readings.");
            }
            int index = 0;
            for (Event event = StrictJson.next(parser); event != Event.END_ARRAY; event = StrictJson.next(parser)) {
                checkCount(index);
                if (event == Event.START_OBJECT) {
                    readJsonItem(parser, index);
                } else {
                    StrictJson.skip(parser, event, 2);
                    reject(index, "", "must be an object {sensor_id, creation_date, value}");
                }
                index++;
            }
            if (parser.hasNext()) {
                throw new InvalidReadingsException("The body has more after the array of readings.");
            }
            return finish();
        } catch (JsonException e) {
            throw StrictJson.invalid(e);
        }
    }

    private void readJsonItem(JsonParser parser, int index) {
        String sensorId = null;
        String creationDate = null;
        String value = null;
        boolean wellTyped = true;
        int seen = 0;
        for (Event event = StrictJson.next(parser); event != Event.END_OBJECT; event = StrictJson.next(parser)) {
            String key = StrictJson.text(parser.getString());
            Event valueEvent = StrictJson.next(parser);
            Event expected = switch (key) {
                case "sensor_id", "creation_date" -> Event.VALUE_STRING;
                case "value" -> Event.VALUE_NUMBER;
                default -> null;
            };
            int field = switch (key) {
                case "sensor_id" -> 1;
                case "creation_date" -> 2;
                case "value" -> 4;
                default -> 0;
            };
            if (expected == null) {
                // Other fields are passed over, as gateways add their own; a misspelt one leaves one missing.
                StrictJson.skip(parser, valueEvent, 3);
                continue;
            }
            if ((seen & field) != 0) {
                reject(index, key, "is given twice");
                wellTyped = false;
            } else if (valueEvent == expected) {
                seen |= field;
                switch (key) {
                    case "sensor_id" -> sensorId = StrictJson.text(parser.getString());
                    case "creation_date" -> creationDate = parser.getString();
                    default -> value = parser.getString();
                }
            } else if (valueEvent != Event.VALUE_NULL) {
                reject(index, key, expected == Event.VALUE_NUMBER ? "must be a number" : "must be a string");
                wellTyped = false;
            }
            StrictJson.skip(parser, valueEvent, 3);
        }
        if (wellTyped) {
            accept(index, sensorId, creationDate, value);
        }
    }

    private void checkCount(int index) {
        if (index >= maxBatch) {
            throw new BatchTooLargeException(
                    "A batch holds at most " + maxBatch + " readings; send the rest in further batches.");
        }
    }

    private void accept(int index, String sensorId, String creationDate, String value) {
        int before = errors.size() + invalidItems;
        if (sensorId == null || sensorId.isEmpty() || sensorId.length() > MAX_ID_LENGTH) {
            reject(index, "sensor_id", "must be a sensor id of 1 to " + MAX_ID_LENGTH + " characters");
        } else if (sensorId.codePoints().anyMatch(Character::isISOControl)) {
            reject(index, "sensor_id", "must not contain control characters");
        }
        long micros = 0;
        try {
            micros = creationDate == null ? 0 : IsoTimestamps.micros(creationDate);
        } catch (DateTimeParseException | ArithmeticException e) {
            creationDate = null;
        }
        if (creationDate == null) {
            reject(index, "creation_date", "must be an ISO-8601 timestamp such as 2026-11-28T09:30:00Z");
        }
        double number = parseFinite(value);
        if (Double.isNaN(number)) {
            reject(index, "value", "must be a finite number");
        }
        if (errors.size() + invalidItems == before) {
            batch.add(sensorId, micros, number);
        }
    }

    private static double parseFinite(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return Double.NaN;
        }
        try {
            double number = Double.parseDouble(text);
            return Double.isFinite(number) ? number : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void reject(int index, String field, String message) {
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new Field("[" + index + "]" + (field.isEmpty() ? "" : "." + field), message));
        } else {
            invalidItems++;
        }
    }

    private ReadingBatch finish() {
        if (!errors.isEmpty()) {
            String more = invalidItems == 0 ? "" : " The first " + MAX_LISTED_ERRORS + " errors are listed.";
            throw new InvalidReadingsException("Some readings are invalid; none was stored." + more,
                    errors);
        }
        if (batch.size() == 0) {
            throw new InvalidReadingsException("The batch holds no reading.");
        }
        return batch;
    }
}
