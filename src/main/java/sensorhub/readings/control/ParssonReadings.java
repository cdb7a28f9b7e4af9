package sensorhub.readings.control;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
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
            if (parser.hasNext()) {
                throw new InvalidReadingsException("The body has more after the array of readings.");
            }
            return items.finish();
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
