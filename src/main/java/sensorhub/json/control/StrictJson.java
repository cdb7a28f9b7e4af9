package sensorhub.json.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads exactly one JSON document from a request body, or fails with {@link InvalidJsonException} saying why:
 * not UTF-8, malformed or truncated, nested deeper than {@link #MAX_DEPTH}, a key given twice, a string with a
 * lone surrogate, or anything after the document. Every step consumes input or fails, so no input makes it spin.
 */
public final class StrictJson {

    /** Deeper than any document this service reads (a batch of sensors is three levels). */
    public static final int MAX_DEPTH = 32;

    /** Made once: {@code Json.createParser} looks the provider up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    private StrictJson() {
    }

    /** The body decoded as UTF-8 that refuses malformed bytes, instead of replacing them with U+FFFD. */
    public static Reader utf8(InputStream body) {
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder());
    }

    public static JsonParser parser(InputStream body) {
        return PARSERS.createParser(utf8(body));
    }

    /** The one document of the body. */
    public static JsonValue read(InputStream body) {
        try (JsonParser parser = parser(body)) {
            if (!parser.hasNext()) {
                throw new InvalidJsonException("The request body is empty; a JSON document was expected.");
            }
            JsonValue value = value(parser, parser.next(), 1);
            if (parser.hasNext()) {
                throw new InvalidJsonException("The request body has more after its JSON document.");
            }
            return value;
        } catch (JsonException e) {
            throw invalid(e);
        }
    }

    /** The document as the JSON-P type a resource takes, e.g. the object of a merge patch. */
    public static JsonValue expect(JsonValue document, Class<?> type) {
        if (!type.isInstance(document)) {
            String name = type == JsonObject.class ? "an object" : type == JsonArray.class ? "an array" : "a value";
            throw new InvalidJsonException("The request body must be " + name + " of JSON.",
                    Map.of("body", "must be " + name));
        }
        return document;
    }

    /**
     * The next event of a parser inside a document; {@link InvalidJsonException} where the input ends first
     * (Parsson would throw {@code NoSuchElementException}).
     */
    public static Event next(JsonParser parser) {
        if (!parser.hasNext()) {
            throw new InvalidJsonException("The request body ends inside its JSON document.");
        }
        return parser.next();
    }

    /** Reads past the value that {@code event} starts, at {@code depth}, bounded like {@link #read}. */
    public static void skip(JsonParser parser, Event event, int depth) {
        if (event != Event.START_OBJECT && event != Event.START_ARRAY) {
            return;
        }
        checkDepth(depth);
        for (Event e = next(parser); e != Event.END_OBJECT && e != Event.END_ARRAY; e = next(parser)) {
            if (e == Event.KEY_NAME) {
                e = next(parser);
            }
            skip(parser, e, depth + 1);
        }
    }

    /** The text, if it holds no lone surrogate (which no database column of text can store). */
    public static String text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidJsonException("The request body has a string with a lone surrogate (\\u"
                        + Integer.toHexString(c) + "), which is not Unicode text.");
            }
        }
        return text;
    }

    /** The failure of JSON-P on malformed input as an answer for the client, without JSON-P's internals. */
    public static InvalidJsonException invalid(JsonException failure) {
        if (undecodable(failure)) {
            return notUtf8();
        }
        if (located(failure)) {
            JsonLocation location = ((JsonParsingException) failure).getLocation();
            return malformed(location.getLineNumber(), location.getColumnNumber());
        }
        return unreadable();
    }

    /** Whether JSON-P failed because the body is not UTF-8. */
    public static boolean undecodable(JsonException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** Whether JSON-P says where it failed. */
    public static boolean located(JsonException failure) {
        return failure instanceof JsonParsingException parsing && parsing.getLocation() != null;
    }

    /** A syntax error at a line and column, as JSON-P counts them. */
    public static InvalidJsonException malformed(long line, long column) {
        return new InvalidJsonException("The request body is not valid JSON (line " + line + ", column " + column
                + ").");
    }

    private static InvalidJsonException notUtf8() {
        return new InvalidJsonException("The request body is not valid UTF-8.");
    }

    /** A body that could not be read to its end, or a failure JSON-P gives no location for. */
    public static InvalidJsonException unreadable() {
        return new InvalidJsonException("The request body is not valid JSON.");
    }

    private static JsonValue value(JsonParser parser, Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth);
            case START_ARRAY -> array(parser, depth);
            case VALUE_STRING -> JSON.createValue(text(parser.getString()));
            case VALUE_NUMBER -> number(parser);
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new InvalidJsonException("The request body is not valid JSON.");
        };
    }

    /** JSON-P fails with {@code NumberFormatException} on an exponent beyond {@code int}, e.g. {@code 1e9999999999}. */
    private static JsonValue number(JsonParser parser) {
        try {
            return JSON.createValue(parser.getBigDecimal());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidJsonException("The request body has a number too large to be read.");
        }
    }

    private static JsonValue object(JsonParser parser, int depth) {
        checkDepth(depth);
        JsonObjectBuilder object = JSON.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        for (Event e = next(parser); e != Event.END_OBJECT; e = next(parser)) {
            String key = text(parser.getString());
            if (!keys.add(key)) {
                throw new InvalidJsonException("The request body gives the key '" + key + "' twice in one object.");
            }
            object.add(key, value(parser, next(parser), depth + 1));
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        checkDepth(depth);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Event e = next(parser); e != Event.END_ARRAY; e = next(parser)) {
            array.add(value(parser, e, depth + 1));
        }
        return array.build();
    }

    /** Refuses a value that starts at {@code depth} (the document itself is at 1) deeper than {@link #MAX_DEPTH}. */
    public static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidJsonException("The request body nests deeper than " + MAX_DEPTH + " levels.");
        }
    }
}
