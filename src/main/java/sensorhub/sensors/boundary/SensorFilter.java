package sensorhub.sensors.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import sensorhub.problems.control.InvalidParameterException;

/** Which sensors a list asks for; a null field does not filter, and every tag must hold. */
public record SensorFilter(String location, String type, Boolean active, List<Tag> tags) {

    /** A tag a sensor must carry: {@code ?tag=key:value}. */
    public record Tag(String key, String value) {
    }

    /** The filter of a list's query parameters, {@code tag} as {@link #tags} reads it. */
    public static SensorFilter of(String location, String type, Boolean active, List<String> tagParameters) {
        return new SensorFilter(location, type, active, tags(tagParameters));
    }

    private static final Pattern KEY = Pattern.compile(SensorJson.TAG_KEY_PATTERN);
    private static final Pattern VALUE = Pattern.compile(SensorJson.TAG_VALUE_PATTERN);

    /**
     * The {@code tag} parameters, each {@code key:value} split at its first colon (a key holds none), each part
     * a key or value a sensor's tag may have.
     *
     * @throws InvalidParameterException naming {@code tag} where one is not of that form
     */
    static List<Tag> tags(List<String> parameters) {
        if (parameters != null && parameters.size() > SensorJson.MAX_TAGS) {
            throw new InvalidParameterException("tag", "may be given at most " + SensorJson.MAX_TAGS
                    + " times, as many as a sensor has tags");
        }
        List<Tag> tags = new ArrayList<>();
        for (String parameter : parameters == null ? List.<String>of() : parameters) {
            int colon = parameter.indexOf(':');
            String key = colon < 0 ? "" : parameter.substring(0, colon);
            String value = colon < 0 ? "" : parameter.substring(colon + 1);
            if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches()) {
                throw new InvalidParameterException("tag", "must be key:value as a sensor's tag, as in "
                        + "tag=building:B7 (no control characters, no space at either end of key or value)");
            }
            tags.add(new Tag(key, value));
        }
        return tags;
    }
}
