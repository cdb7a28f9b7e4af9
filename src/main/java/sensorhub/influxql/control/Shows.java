package sensorhub.influxql.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import sensorhub.influxql.control.Statement.ShowFieldKeys;
import sensorhub.influxql.control.Statement.ShowMeasurements;
import sensorhub.influxql.control.Statement.ShowTagKeys;
import sensorhub.influxql.control.Statement.ShowTagValues;

/** The answers of the {@code SHOW} statements over a database's series, in InfluxDB 1.x's shapes and order. */
public final class Shows {

    private Shows() {
    }

    public static List<ResultSeries> databases(List<String> names) {
        return List.of(series("databases", List.of("name"), names.stream().map(Shows::row)));
    }

    /** The one policy every database has here: readings are kept as the service keeps them (docs/influxdb.md). */
    public static List<ResultSeries> retentionPolicies() {
        return List.of(series(null, List.of("name", "duration", "shardGroupDuration", "replicaN", "default"),
                Stream.of(List.<Object>of("autogen", "0s", "168h0m0s", 1L, true))));
    }

    public static List<ResultSeries> measurements(ShowMeasurements show, List<SeriesInfo> series) {
        TreeSet<String> names = new TreeSet<>();
        series.stream().filter(s -> show.measurement().matches(s.measurement()) && show.where().test(s.tags()))
                .forEach(s -> names.add(s.measurement()));
        List<String> page = show.paging().apply(new ArrayList<>(names));
        return page.isEmpty() ? List.of() : List.of(series("measurements", List.of("name"), page.stream()
                .map(Shows::row)));
    }

    public static List<ResultSeries> tagKeys(ShowTagKeys show, List<SeriesInfo> series) {
        return byMeasurement(series, show.from(), show.where(), List.of("tagKey"), inMeasurement -> {
            TreeSet<String> keys = new TreeSet<>();
            inMeasurement.forEach(s -> keys.addAll(s.tags().keySet()));
            return show.paging().apply(new ArrayList<>(keys)).stream().map(Shows::row).toList();
        });
    }

    public static List<ResultSeries> tagValues(ShowTagValues show, List<SeriesInfo> series) {
        return byMeasurement(series, show.from(), show.where(), List.of("key", "value"), inMeasurement -> {
            TreeMap<String, TreeSet<String>> values = new TreeMap<>();
            for (SeriesInfo s : inMeasurement) {
                s.tags().forEach((key, value) -> {
                    if (show.keys().stream().anyMatch(match -> match.matches(key))) {
                        values.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
                    }
                });
            }
            List<List<Object>> rows = new ArrayList<>();
            values.forEach((key, set) -> set.forEach(value -> rows.add(List.of(key, value))));
            return show.paging().apply(rows);
        });
    }

    /** Each numeric field with its type as first written; string and boolean fields are not kept here. */
    public static List<ResultSeries> fieldKeys(ShowFieldKeys show, List<SeriesInfo> series) {
        return byMeasurement(series, show.from(), Condition.ALWAYS, List.of("fieldKey", "fieldType"),
                inMeasurement -> {
                    TreeMap<String, String> types = new TreeMap<>();
                    inMeasurement.forEach(s -> types.putIfAbsent(s.field(), s.integer() ? "integer" : "float"));
                    return types.entrySet().stream().map(t -> List.<Object>of(t.getKey(), t.getValue())).toList();
                });
    }

    private static List<ResultSeries> byMeasurement(List<SeriesInfo> series, Statement.Sources from, Condition where,
            List<String> columns, Function<List<SeriesInfo>, List<List<Object>>> rows) {
        TreeMap<String, List<SeriesInfo>> measurements = new TreeMap<>();
        series.stream().filter(s -> from.matches(s.measurement()) && where.test(s.tags()))
                .forEach(s -> measurements.computeIfAbsent(s.measurement(), m -> new ArrayList<>()).add(s));
        List<ResultSeries> answer = new ArrayList<>();
        measurements.forEach((measurement, inIt) -> {
            List<List<Object>> values = rows.apply(inIt);
            if (!values.isEmpty()) {
                answer.add(new ResultSeries(measurement, Map.of(), columns, values));
            }
        });
        return answer;
    }

    private static ResultSeries series(String name, List<String> columns, Stream<List<Object>> rows) {
        return new ResultSeries(name, Map.of(), columns, rows.toList());
    }

    private static List<Object> row(String value) {
        return List.of(value);
    }
}
