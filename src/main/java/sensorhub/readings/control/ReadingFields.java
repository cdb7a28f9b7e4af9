package sensorhub.readings.control;

/**
 * The fields of one JSON item as a reader meets them, whichever parser reads the tokens: the three of a reading
 * are taken once each with their type; others are passed over, as gateways add their own, and a misspelt one
 * leaves one missing; null is missing; a field given twice or of the wrong type names the item.
 */
final class ReadingFields {

    static final int OTHER = 0;
    static final int SENSOR_ID = 1;
    static final int CREATION_DATE = 2;
    static final int VALUE = 4;

    /** What a value is, as far as a field cares. */
    enum Kind { STRING, NUMBER, NULL, OTHER }

    private final ReadingItems items;
    /** The sensor of every item where the items come from one sensor's topic, else null. */
    private final String topicSensorId;
    private int index;
    private String sensorId;
    private String creationDate;
    private double value;
    private boolean wellTyped;
    private int seen;

    ReadingFields(ReadingItems items) {
        this(items, null);
    }

    /** Fields of items that belong to one sensor: {@code sensor_id} may be left out, or be that sensor's. */
    ReadingFields(ReadingItems items, String topicSensorId) {
        this.items = items;
        this.topicSensorId = topicSensorId;
    }

    /** Which of the three fields {@code key} names, {@link #OTHER} for any other. */
    static int field(String key) {
        return switch (key) {
            case "sensor_id" -> SENSOR_ID;
            case "creation_date" -> CREATION_DATE;
            case "value" -> VALUE;
            default -> OTHER;
        };
    }

    void start(int index) {
        this.index = index;
        sensorId = null;
        creationDate = null;
        value = Double.NaN;
        wellTyped = true;
        seen = 0;
    }

    /**
     * Whether the value of kind {@code kind} given for {@code field} is to be taken (with {@link #sensorId},
     * {@link #creationDate} or {@link #value}); otherwise the reader passes over it.
     */
    boolean takes(int field, Kind kind) {
        if (field == OTHER) {
            return false;
        }
        if ((seen & field) != 0) {
            items.reject(index, name(field), "is given twice");
            wellTyped = false;
            return false;
        }
        if (kind == (field == VALUE ? Kind.NUMBER : Kind.STRING)) {
            seen |= field;
            return true;
        }
        if (kind != Kind.NULL) {
            items.reject(index, name(field), field == VALUE ? "must be a number" : "must be a string");
            wellTyped = false;
        }
        return false;
    }

    void sensorId(String sensorId) {
        this.sensorId = sensorId;
    }

    void creationDate(String creationDate) {
        this.creationDate = creationDate;
    }

    /** The value as {@code Double.parseDouble} reads its text; beyond the range of a double it is missing. */
    void value(double value) {
        this.value = Double.isInfinite(value) ? Double.NaN : value;
    }

    void end() {
        if (topicSensorId != null && sensorId == null) {
            sensorId = topicSensorId;
        } else if (topicSensorId != null && !topicSensorId.equals(sensorId)) {
            items.reject(index, "sensor_id", "must be the topic's sensor id, or left out");
            wellTyped = false;
        }
        if (wellTyped) {
            items.accept(index, sensorId, creationDate, value);
        }
    }

    private static String name(int field) {
        return switch (field) {
            case SENSOR_ID -> "sensor_id";
            case CREATION_DATE -> "creation_date";
            default -> "value";
        };
    }
}
