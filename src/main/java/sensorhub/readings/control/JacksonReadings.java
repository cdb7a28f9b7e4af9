package sensorhub.readings.control;

import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.InvalidJsonException;
import sensorhub.json.control.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * Reads a JSON array of {@code {sensor_id, creation_date, value}} with Jackson's streaming parser, from the
 * bytes of a body, into {@link ReadingItems} ({@link ReadingFields} says what each field may be). It answers
 * only a body that is JSON as Parsson reads it, nested no deeper than {@link StrictJson#MAX_DEPTH}, whose keys
 * and ids hold no lone surrogate, and that has no more items than a batch may: for any other it answers null,
 * and {@link ParssonReadings} says what is wrong and where, as for every other body of the service.
 *
 * <p>Jackson 3 is strict by default (no comments, single quotes, leading zeros, NaN, trailing commas, unescaped
 * control characters, invalid UTF-8 down to overlong forms and encoded surrogates), and stricter than Parsson
 * in a few things, which Parsson then reads: a key with a lone surrogate even where the batch passes over it,
 * and its {@link StreamReadConstraints} on numbers and keys longer than 1,000 and 50,000 characters. Where it
 * is more lenient, {@link RetainedBody} refuses for it: a body it would read as UTF-16 or UTF-32, or pass over
 * the byte order mark of. {@code ReadingBatchJsonPropertiesTest} and
 * {@code ReadingBatchParserFuzzTest#jsonLikeReference} hold the two readers together to the one that came
 * before them ({@code ReferenceReadingBatchParser}).
 */
final class JacksonReadings {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(StrictJson.MAX_DEPTH).build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** The keys of a reading's fields, matched by Jackson as it reads them, and their {@link ReadingFields}. */
    private static final PropertyNameMatcher NAMES = JSON.constructNameMatcher(Stream.of("sensor_id",
            "creation_date", "value").map(Named::fromString).toList(), true);
    private static final int[] FIELDS = {ReadingFields.SENSOR_ID, ReadingFields.CREATION_DATE, ReadingFields.VALUE};
    private static final int RECENT_IDS = 64;

    private final JsonParser json;
    private final int maxBatch;
    private final ReadingItems items;
    private final ReadingFields fields;
    private final String[] recentIds = new String[RECENT_IDS];
    private final char[][] recentIdChars = new char[RECENT_IDS][];

    private JacksonReadings(JsonParser json, int maxBatch) {
        this.json = json;
        this.maxBatch = maxBatch;
        this.items = new ReadingItems(maxBatch);
        this.fields = new ReadingFields(items);
    }

    /** The batch, or null where Parsson is to answer the body. */
    static ReadingBatch read(InputStream body, int maxBatch) {
        ReadingItems items;
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), body)) {
            JacksonReadings readings = new JacksonReadings(json, maxBatch);
            if (!readings.readAll()) {
                return null;
            }
            items = readings.items;
        } catch (JacksonException | InvalidJsonException e) {
            return null;
        }
        return items.finish();
    }

    private boolean readAll() {
        if (json.nextToken() != JsonToken.START_ARRAY) {
            return false;
        }
        int index = 0;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (index == maxBatch) {
                return false;
            }
            if (token == JsonToken.START_OBJECT) {
                if (!item(index)) {
                    return false;
                }
            } else {
                json.skipChildren();
                items.reject(index, "", "must be an object {sensor_id, creation_date, value}");
            }
            index++;
        }
        return json.nextToken() == null;
    }

    /** Reads the fields of item {@code index} up to its closing brace; false where Parsson is to answer. */
    private boolean item(int index) {
        fields.start(index);
        for (int match = json.nextNameMatch(NAMES); match != PropertyNameMatcher.MATCH_END_OBJECT;
                match = json.nextNameMatch(NAMES)) {
            if (match == PropertyNameMatcher.MATCH_ODD_TOKEN) {
                return false;
            }
            int field = match >= 0 ? FIELDS[match] : ReadingFields.OTHER;
            if (field == ReadingFields.OTHER) {
                StrictJson.text(json.currentName());
            }
            if (fields.takes(field, kind(json.nextToken()))) {
                switch (field) {
                    case ReadingFields.SENSOR_ID -> fields.sensorId(sensorId());
                    case ReadingFields.CREATION_DATE -> fields.creationDate(json.getString());
                    default -> fields.value(number());
                }
            } else {
                json.skipChildren();
            }
        }
        fields.end();
        return true;
    }

    /** The id, as the same String as for the same id lately: a batch repeats a few ids thousands of times. */
    private String sensorId() {
        char[] chars = json.getStringCharacters();
        int offset = json.getStringOffset();
        int length = json.getStringLength();
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ hash >>> 16) & (recentIds.length - 1);
        char[] kept = recentIdChars[slot];
        if (kept == null || !Arrays.equals(kept, 0, kept.length, chars, offset, offset + length)) {
            recentIds[slot] = StrictJson.text(new String(chars, offset, length));
            recentIdChars[slot] = Arrays.copyOfRange(chars, offset, offset + length);
        }
        return recentIds[slot];
    }

    /** The number as {@code Double.parseDouble} reads its text: Jackson makes {@code -0} an integer 0. */
    private double number() {
        double number = json.getDoubleValue();
        return number == 0 && json.getString().charAt(0) == '-' ? -0.0 : number;
    }

    private static ReadingFields.Kind kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> ReadingFields.Kind.STRING;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ReadingFields.Kind.NUMBER;
            case VALUE_NULL -> ReadingFields.Kind.NULL;
            default -> ReadingFields.Kind.OTHER;
        };
    }
}
