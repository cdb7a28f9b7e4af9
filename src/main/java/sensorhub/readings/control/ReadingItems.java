package sensorhub.readings.control;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.problems.control.RejectedException.Field;
import sensorhub.time.control.IsoTimestamps;

/**
 * The items of one batch as a parser of either format reads them: a valid item goes into the batch, a bad one
 * is named by its index and field, and one bad item rejects the whole batch. More items than the limit are
 * refused as soon as the first too many is seen.
 */
final class ReadingItems {

    static final int MAX_LISTED_ERRORS = 100;
    static final int MAX_ID_LENGTH = 90;

    private final int maxBatch;
    private final ReadingBatch batch = new ReadingBatch();
    private final List<Field> errors = new ArrayList<>();
    private int invalidItems;

    ReadingItems(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    void checkCount(int index) {
        if (index >= maxBatch) {
            throw new BatchTooLargeException(
                    "A batch holds at most " + maxBatch + " readings; send the rest in further batches.");
        }
    }

    /**
     * Takes an item whose fields have the right types; any of them may be missing (null, or NaN for the
     * value, as for a number beyond a double).
     */
    void accept(int index, String sensorId, String creationDate, double value) {
        int before = errors.size() + invalidItems;
        if (sensorId == null || sensorId.isEmpty() || sensorId.length() > MAX_ID_LENGTH) {
            reject(index, "sensor_id", "must be a sensor id of 1 to " + MAX_ID_LENGTH + " characters");
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
        if (Double.isNaN(value)) {
            reject(index, "value", "must be a finite number");
        }
        if (errors.size() + invalidItems == before) {
            // -0 is stored as 0: one reading compares equal to the other, in numpy as here, so a retry of either is
            // unchanged.
            batch.add(sensorId, micros, value == 0 ? 0.0 : value);
        }
    }

    /** {@code field} empty names the item as a whole. */
    void reject(int index, String field, String message) {
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new Field("[" + index + "]" + (field.isEmpty() ? "" : "." + field), message));
        } else {
            invalidItems++;
        }
    }

    ReadingBatch finish() {
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
