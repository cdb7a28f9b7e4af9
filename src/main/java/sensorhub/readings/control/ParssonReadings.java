package sensorhub.readings.control;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.InvalidJsonException;
import sensorhub.json.control.StrictJson;

/**
 * Reads a batch that {@link JacksonReadings} refused, from its start, through {@link StrictJson#parser} (the
 * server's JSON-P, Parsson), so that a malformed body is answered in the words and at the place that every other
 * body of the service is: not UTF-8, not JSON at a line and column, nested too deep, a lone surrogate, too many
 * items, or (where Jackson is stricter than Parsson) the batch after all.
 *
 * <p>Two things Parsson leaves to how the body arrived are made definite: where the body ends inside its
 * document, the place is its last character (Parsson's column there depends on its buffer); and where invalid
 * UTF-8 follows closely on a syntax error, the syntax error is reported, as when the bytes arrive one at a time
 * (Parsson's reader decodes up to 8 KiB ahead): the body is read again so from the first such byte on.
 */
final class ParssonReadings {

    private static final int ITEM_DEPTH = 2;

    private final ReadingItems items;
    private final ReadingFields fields;

    private ParssonReadings(int maxBatch) {
        this.items = new ReadingItems(maxBatch);
        this.fields = new ReadingFields(items);
    }

    private ParssonReadings(int maxBatch, String sensorId) {
        this.items = new ReadingItems(maxBatch);
        this.fields = new ReadingFields(items, sensorId);
    }

    /**
     * One sensor's readings as its MQTT topic carries them: a reading {@code {creation_date, value}}, an array of
     * them, or a bare number, which is a reading at {@code receivedAt}. Messages are small, so Parsson reads them
     * at once; its numbers' text keeps the sign of a zero.
     */
    static ReadingBatch ofSensor(InputStream body, String sensorId, String receivedAt, int maxBatch) {
        ParssonReadings readings = new ParssonReadings(maxBatch, sensorId);
        try (JsonParser parser = StrictJson.parser(body)) {
            if (!parser.hasNext()) {
                throw new InvalidJsonException("The message is empty; a JSON document was expected.");
            }
            Event first = StrictJson.next(parser);
            if (first == Event.VALUE_NUMBER) {
                readings.items.accept(0, sensorId, receivedAt, finite(Double.parseDouble(parser.getString())));
            } else if (first == Event.START_OBJECT) {
                readings.item(parser, 0);
            } else if (first == Event.START_ARRAY) {
                readings.items(parser);
            } else {
                throw new InvalidReadingsException("The message must be a number, a reading {creation_date, value} "
                        + "or an array of readings.");
            }
            if (parser.hasNext()) {
                throw new InvalidReadingsException("The message has more after its JSON document.");
            }
            return readings.items.finish();
        } catch (JsonException e) {
            throw StrictJson.invalid(e);
        }
    }

    private static double finite(double value) {
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    static ReadingBatch read(RetainedBody body, int maxBatch) {
        RetainedBody.Replay replay = body.replay(RetainedBody.NOWHERE);
        try {
            return new ParssonReadings(maxBatch).read(replay);
        } catch (JsonException e) {
            if (!StrictJson.undecodable(e)) {
                throw invalid(e, body, replay);
            }
        }
        RetainedBody.Replay trickled = body.replay(body.firstMalformed());
        try {
            return new ParssonReadings(maxBatch).read(trickled);
        } catch (JsonException e) {
            throw invalid(e, body, trickled);
        }
    }

    private static InvalidJsonException invalid(JsonException failure, RetainedBody body, RetainedBody.Replay replay) {
        InvalidJsonException invalid = StrictJson.invalid(failure);
        if (replay.ended() && StrictJson.located(failure) && !StrictJson.undecodable(failure)) {
            long[] end = body.end();
            return StrictJson.malformed(end[0], end[1]);
        }
        return invalid;
    }

    private ReadingBatch read(RetainedBody.Replay replay) {
        try (JsonParser parser = StrictJson.parser(replay)) {
            if (!parser.hasNext() || parser.next() != Event.START_ARRAY) {
                throw new InvalidReadingsException("The body must be a JSON array of readings.");
            }
            items(parser);
            if (parser.hasNext()) {
                throw new InvalidReadingsException("The body has more after the array of readings.");
            }
            return items.finish();
        }
    }

    /** The items of the array just opened, up to its end. */
    private void items(JsonParser parser) {
        int index = 0;
        for (Event event = StrictJson.next(parser); event != Event.END_ARRAY; event = StrictJson.next(parser)) {
            items.checkCount(index);
            if (event == Event.START_OBJECT) {
                item(parser, index);
            } else {
                StrictJson.skip(parser, event, ITEM_DEPTH);
                items.reject(index, "", "must be an object {sensor_id, creation_date, value}");
            }
            index++;
        }
    }

    private void item(JsonParser parser, int index) {
        fields.start(index);
        for (Event event = StrictJson.next(parser); event != Event.END_OBJECT; event = StrictJson.next(parser)) {
            int field = ReadingFields.field(StrictJson.text(parser.getString()));
            Event value = StrictJson.next(parser);
            if (fields.takes(field, kind(value))) {
                switch (field) {
                    case ReadingFields.SENSOR_ID -> fields.sensorId(StrictJson.text(parser.getString()));
                    case ReadingFields.CREATION_DATE -> fields.creationDate(parser.getString());
                    default -> fields.value(Double.parseDouble(parser.getString()));
                }
            } else {
                StrictJson.skip(parser, value, ITEM_DEPTH + 1);
            }
        }
        fields.end();
    }

    private static ReadingFields.Kind kind(Event event) {
        return switch (event) {
            case VALUE_STRING -> ReadingFields.Kind.STRING;
            case VALUE_NUMBER -> ReadingFields.Kind.NUMBER;
            case VALUE_NULL -> ReadingFields.Kind.NULL;
            default -> ReadingFields.Kind.OTHER;
        };
    }
}
