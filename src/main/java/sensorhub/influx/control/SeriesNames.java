package sensorhub.influx.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import sensorhub.influx.control.LineProtocol.Series;

/**
 * The one rule by which a series written through InfluxDB's API (database, measurement, tag set, numeric field) is a
 * sensor (docs/influxdb.md, "Series and sensors"):
 * <ul>
 * <li>A {@code sensor_id} tag names the sensor: its value, followed by {@code .field} unless the field is
 * {@code value}. So a device registered over REST is written to by its id.</li>
 * <li>Otherwise the id is {@code database.measurement[.tag value...].field}, the tag values in tag key order:
 * {@code telegraf.cpu.host1.usage_idle}.</li>
 * <li>Where that is no valid id (over 90 characters, white space, or one of {@code / ? # % \}), it is {@code lp-}
 * and the first 24 hexadecimal digits of the SHA-256 of that text.</li>
 * </ul>
 * A new series' sensor is described from the series: named after its series key as line protocol writes it
 * ({@code cpu,host=host1 usage_idle}), typed by its measurement, its unit the {@code unit} tag or else the
 * measurement (Home Assistant writes the unit as the measurement), located by a {@code location} tag, and tagged
 * with its tags but {@code sensor_id}.
 */
public final class SeriesNames {

    public static final String SENSOR_ID_TAG = "sensor_id";
    static final String VALUE_FIELD = "value";
    static final int MAX_ID = 90;
    private static final Pattern INVALID_ID = Pattern.compile("[\\s/?#%\\\\\\u0000-\\u001f\\u007f-\\u009f]|^\\.+$");

    private SeriesNames() {
    }

    /** The id of the series' sensor. */
    public static String sensorId(String database, Series series, String field) {
        String named = series.tags().get(SENSOR_ID_TAG);
        String id;
        if (named != null) {
            id = VALUE_FIELD.equals(field) ? named : named + "." + field;
        } else {
            StringBuilder text = new StringBuilder(database).append('.').append(series.measurement());
            series.tags().values().forEach(v -> text.append('.').append(v));
            id = text.append('.').append(field).toString();
        }
        return id.length() <= MAX_ID && !INVALID_ID.matcher(id).find() ? id : "lp-" + sha256(id).substring(0, 24);
    }

    /** A new sensor's description: name, type, unit and location, cut to their lengths, and its tags. */
    public record Description(String name, String type, String unit, String location, Map<String, String> tags) {
    }

    public static Description describe(Series series, String field) {
        StringBuilder name = new StringBuilder(series.measurement());
        series.tags().forEach((k, v) -> name.append(',').append(k).append('=').append(v));
        name.append(' ').append(field);
        Map<String, String> tags = new LinkedHashMap<>(series.tags());
        tags.remove(SENSOR_ID_TAG);
        return new Description(cut(name.toString(), 200), cut(series.measurement(), 90),
                cut(series.tags().getOrDefault("unit", series.measurement()), 30), series.tags().get("location"),
                tags);
    }

    /** The text cut to at most {@code max} UTF-16 units, never between a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
