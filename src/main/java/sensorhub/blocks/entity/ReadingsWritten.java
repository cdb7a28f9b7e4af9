package sensorhub.blocks.entity;

import java.util.List;

/**
 * Readings were stored or removed: for each sensor, the spans of time they fall in. Whatever was derived from readings in
 * those spans (kept daily statistics) is out of date.
 */
public record ReadingsWritten(List<Span> spans) {

    /** From and to are inclusive epoch microseconds of one sensor's readings. */
    public record Span(long sensorKey, long fromMicros, long toMicros) {
    }
}
