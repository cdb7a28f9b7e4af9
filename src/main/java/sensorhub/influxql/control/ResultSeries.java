package sensorhub.influxql.control;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A series of a statement's answer, as InfluxDB answers it: a name, the tags it was grouped by (none when not
 * grouped), columns, and rows whose cells are {@link Time}, {@link Double}, {@link Long}, {@link String},
 * {@link Boolean} or {@code null}.
 */
public record ResultSeries(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

    /**
     * A time cell, in nanoseconds since the epoch: written as RFC 3339 in the zone of the query's {@code tz()}
     * (none: UTC), or as an integer in its {@code epoch} unit.
     */
    public record Time(long nanos, Optional<ZoneId> zone) {
    }
}
