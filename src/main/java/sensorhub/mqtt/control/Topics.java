package sensorhub.mqtt.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The service's topics under a prefix ({@code sensors} by default): {@code sensors/{sensor_id}/readings} for one
 * sensor's readings, {@code sensors/readings} for batches of any sensors, {@code sensors/errors} for refusals. A
 * sensor id takes one topic level, percent-encoded where it holds {@code /}, {@code +}, {@code #} or {@code %}
 * (UTF-8, as in a URL), so that any id the REST API takes has a topic. With a {@code shareGroup}, the instances of
 * the group share one subscription ({@code $share/{group}/...}) and each message goes to one of them; with an empty
 * one, each instance subscribes on its own and gets every message.
 */
public record Topics(String prefix, String shareGroup) {

    /** What a message's topic says it carries. */
    public sealed interface Kind {
    }

    /** Readings of the sensor the topic names. */
    public record OfSensor(String sensorId) implements Kind {
    }

    /** A batch of readings of any sensors. */
    public record Batch() implements Kind {
    }

    /** A topic that is none of the service's, or names no sensor. */
    public record Foreign(String why) implements Kind {
    }

    /** The filters the service subscribes to: shared by every instance of the group, if there is one. */
    public List<String> subscriptions() {
        String root = shareGroup.isEmpty() ? prefix : "$share/" + shareGroup + "/" + prefix;
        return List.of(root + "/+/readings", root + "/readings");
    }

    public String errors() {
        return prefix + "/errors";
    }

    /** The topic of a sensor's readings: its id as one level, {@code %}, {@code /}, {@code +} and {@code #} escaped. */
    public String of(String sensorId) {
        return prefix + "/" + sensorId.replace("%", "%25").replace("/", "%2F").replace("+", "%2B")
                .replace("#", "%23") + "/readings";
    }

    public Kind kindOf(String topic) {
        if (topic.equals(prefix + "/readings")) {
            return new Batch();
        }
        String start = prefix + "/";
        String end = "/readings";
        if (!topic.startsWith(start) || !topic.endsWith(end) || topic.length() <= start.length() + end.length()) {
            return new Foreign("is not " + prefix + "/{sensor_id}/readings or " + prefix + "/readings");
        }
        String level = topic.substring(start.length(), topic.length() - end.length());
        if (level.contains("/")) {
            return new Foreign("names a sensor over several levels; write / in an id as %2F");
        }
        return decoded(level).<Kind>map(OfSensor::new)
                .orElseGet(() -> new Foreign("has a sensor id whose percent-encoding is not UTF-8 bytes"));
    }

    /** The level with each {@code %XX} turned into its byte, read as UTF-8; empty where that fails. */
    static Optional<String> decoded(String level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = level.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            if (i + 2 >= raw.length || Character.digit(raw[i + 1], 16) < 0 || Character.digit(raw[i + 2], 16) < 0) {
                return Optional.empty();
            }
            bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
