package sensorhub.influxql.control;

import java.util.Map;

/**
 * A series of a database as a query sees it: the sensor it is, its measurement, field and tags, and whether the
 * field is an integer one.
 */
public record SeriesInfo(long sensorKey, String measurement, String field, Map<String, String> tags,
        boolean integer) {
}
