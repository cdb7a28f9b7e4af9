package sensorhub.problems.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a body the JSON binding could not read into a sentence for the client, naming the property where the
 * binding says which one, and never echoing the binding's internals (class names, stack frames).
 */
final class JsonBindingFailures {

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    private JsonBindingFailures() {
    }

    /** Whether the failure comes from reading JSON, as opposed to, say, a broken connection. */
    static boolean isJsonFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonParsingException parsing) {
                return "The request body is not valid JSON (line " + parsing.getLocation().getLineNumber()
                        + ", column " + parsing.getLocation().getColumnNumber() + ").";
            }
            if (t instanceof JsonbException && t.getMessage() != null) {
                Matcher property = PROPERTY.matcher(t.getMessage());
                if (property.find()) {
                    return "The request body has an invalid value for '" + property.group(1) + "'.";
                }
            }
        }
        return "The request body cannot be read as the expected JSON document.";
    }
}
