package sensorhub.influxql.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import sensorhub.influxql.control.Column.Arithmetic;
import sensorhub.influxql.control.Column.Call;
import sensorhub.influxql.control.Column.Expr;
import sensorhub.influxql.control.Column.FieldRef;
import sensorhub.influxql.control.ResultSeries.Time;
import sensorhub.influxql.control.Statement.Fill;
import sensorhub.influxql.control.Statement.Select;
import sensorhub.time.control.EpochMicros;

/**
 * Answers a {@code SELECT} over a database's series as InfluxDB 1.x does: the series of each measurement it names
 * that its tag condition lets through, grouped by the tags of {@code GROUP BY} (one series of the answer each),
 * their readings in its time range read per field, then either computed per window (functions) or listed (raw
 * fields). An answer has at most {@link #MAX_ROWS} rows, a series at most {@link #MAX_WINDOWS} windows.
 */
public final class Selection {

    /** Windows one series of an answer may have at most. */
    public static final int MAX_WINDOWS = 100_000;
    /** Rows one statement's answer may have at most, whatever its series: a bound on the answer's memory. */
    public static final int MAX_ROWS = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;

    /** Where the readings come from: a sensor's readings in {@code [fromMicros, toMicros)}, in time order. */
    @FunctionalInterface
    public interface PointSource {
        Points read(long sensorKey, long fromMicros, long toMicros);
    }

    private final Select select;
    private final PointSource source;
    private final long nowNanos;
    /** The columns for the measurement at hand: the select's, a function of {@code *} made one per field. */
    private List<Column> columns;

    private Selection(Select select, PointSource source, long nowNanos) {
        this.select = select;
        this.source = source;
        this.nowNanos = nowNanos;
    }

    public static List<ResultSeries> run(Select select, List<SeriesInfo> series, PointSource source, long nowNanos) {
        return new Selection(select, source, nowNanos).run(series);
    }

    /** A series of the answer before its rows: the tags it is grouped by and the series of the database in it. */
    private record Group(Map<String, String> tags, List<SeriesInfo> series) {
    }

    private List<ResultSeries> run(List<SeriesInfo> all) {
        TreeMap<String, List<SeriesInfo>> measurements = new TreeMap<>();
        for (SeriesInfo s : all) {
            if (select.from().matches(s.measurement()) && select.where().test(s.tags())) {
                measurements.computeIfAbsent(s.measurement(), m -> new ArrayList<>()).add(s);
            }
        }
        List<ResultSeries> answer = new ArrayList<>();
        int answered = 0;
        for (var measurement : measurements.entrySet()) {
            List<SeriesInfo> inIt = measurement.getValue();
            boolean star = select.columns().stream().anyMatch(c -> c.expr() instanceof FieldRef f
                    && f.field().equals("*"));
            TreeSet<String> ofMeasurement = new TreeSet<>();
            inIt.forEach(s -> ofMeasurement.add(s.field()));
            columns = expanded(select.columns(), ofMeasurement);
            TreeSet<String> fields = new TreeSet<>();
            if (star) {
                fields.addAll(ofMeasurement);
            } else {
                columns.forEach(c -> fieldsOf(c.expr(), fields));
            }
            List<SeriesInfo> wanted = inIt.stream().filter(s -> fields.contains(s.field())).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            for (Group group : select.series().apply(groups(wanted))) {
                List<List<Object>> rows = select.aggregates() ? windows(group) : raw(group, star, fields);
                if (select.descending()) {
                    Collections.reverse(rows);
                }
                rows = select.points().apply(rows);
                answered += rows.size();
                if (answered > MAX_ROWS) {
                    throw new QueryException("the answer would have more than " + MAX_ROWS + " rows: narrow its "
                            + "time range or series, or use SLIMIT and LIMIT");
                }
                if (!rows.isEmpty()) {
                    answer.add(new ResultSeries(measurement.getKey(), group.tags(), columns(group, star, fields),
                            rows));
                }
            }
        }
        return answer;
    }

    /** The columns with each call of {@code *} made one per field, named {@code function_field} in field order. */
    private static List<Column> expanded(List<Column> columns, TreeSet<String> fields) {
        List<Column> out = new ArrayList<>();
        for (Column column : columns) {
            if (column.expr() instanceof Call call && call.field().equals(Column.ALL_FIELDS)) {
                fields.forEach(f -> out.add(new Column(column.name() + "_" + f, new Call(call.function(), f,
                        call.argument()))));
            } else {
                out.add(column);
            }
        }
        return out;
    }

    private static void fieldsOf(Expr expr, TreeSet<String> fields) {
        if (expr instanceof FieldRef f) {
            fields.add(f.field());
        } else if (expr instanceof Call c) {
            fields.add(c.field());
        } else if (expr instanceof Arithmetic a) {
            fieldsOf(a.left(), fields);
            fieldsOf(a.right(), fields);
        }
    }

    /** The series grouped by the tags of {@code GROUP BY}, in the order of their tags. */
    private List<Group> groups(List<SeriesInfo> series) {
        List<String> keys = new ArrayList<>(select.groupTags());
        if (select.groupAllTags()) {
            TreeSet<String> all = new TreeSet<>(keys);
            series.forEach(s -> all.addAll(s.tags().keySet()));
            keys = new ArrayList<>(all);
        }
        Collections.sort(keys);
        TreeMap<String, Group> groups = new TreeMap<>();
        for (SeriesInfo s : series) {
            Map<String, String> tags = new LinkedHashMap<>();
            StringBuilder id = new StringBuilder();
            for (String key : keys) {
                String value = s.tags().getOrDefault(key, "");
                tags.put(key, value);
                id.append(key).append('\u0000').append(value).append('\u0000');
            }
            groups.computeIfAbsent(id.toString(), k -> new Group(tags, new ArrayList<>())).series().add(s);
        }
        return new ArrayList<>(groups.values());
    }

    private List<String> columns(Group group, boolean star, TreeSet<String> fields) {
        List<String> names = new ArrayList<>();
        names.add("time");
        if (star) {
            names.addAll(starColumns(group, fields));
        } else {
            columns.forEach(c -> names.add(c.name()));
        }
        return names;
    }

    /** {@code SELECT *}: every field and every tag not grouped by, in name order, as InfluxDB lists them. */
    private static List<String> starColumns(Group group, TreeSet<String> fields) {
        TreeSet<String> names = new TreeSet<>(fields);
        group.series().forEach(s -> s.tags().keySet().stream().filter(k -> !group.tags().containsKey(k))
                .forEach(names::add));
        return new ArrayList<>(names);
    }

    private long fromMicros() {
        return Math.max(EpochMicros.EARLIEST, Math.floorDiv(select.time().from() + NANOS_PER_MICRO - 1,
                NANOS_PER_MICRO));
    }

    private long toMicros(long toNanos) {
        return Math.min(EpochMicros.LATEST, Math.floorDiv(toNanos, NANOS_PER_MICRO)) + 1;
    }

    /**
     * Each field's readings in the group: each series' apart, in the order of their series keys, and all merged in
     * time order. InfluxDB reduces {@code mean}, {@code sum} and {@code stddev} series after series, and floating
     * point sums depend on that order.
     */
    private record FieldPoints(List<Points> bySeries, Points merged) {
        static final FieldPoints NONE = new FieldPoints(List.of(), new Points(0));
    }

    private Map<String, FieldPoints> pointsByField(Group group, long toNanos) {
        Map<String, List<Points>> bySeries = new HashMap<>();
        long from = fromMicros();
        long to = toMicros(toNanos);
        List<SeriesInfo> inKeyOrder = new ArrayList<>(group.series());
        inKeyOrder.sort(Comparator.comparing(Selection::seriesKey));
        for (SeriesInfo s : inKeyOrder) {
            bySeries.computeIfAbsent(s.field(), f -> new ArrayList<>()).add(source.read(s.sensorKey(), from, to));
        }
        Map<String, FieldPoints> points = new HashMap<>();
        bySeries.forEach((field, series) -> points.put(field, new FieldPoints(series,
                series.stream().reduce(new Points(0), Points::merged))));
        return points;
    }

    /** InfluxDB's key of a series: its measurement and its tags in key order, as line protocol writes them. */
    private static String seriesKey(SeriesInfo series) {
        StringBuilder key = new StringBuilder(series.measurement());
        new TreeMap<>(series.tags()).forEach((k, v) -> key.append(',').append(k).append('=').append(v));
        return key.toString();
    }

    /**
     * The rows of a query with functions: one for its whole range, or one per window of {@code GROUP BY time()}.
     * Each call is computed per window and filled on its own where its field had no reading there (InfluxDB fills
     * each function's points), before the arithmetic around it.
     */
    private List<List<Object>> windows(Group group) {
        TimeRange time = select.time();
        long toNanos = time.hasTo() || select.intervalNanos() == 0 ? time.to() : nowNanos;
        Map<String, FieldPoints> points = pointsByField(group, toNanos);
        if (points.values().stream().allMatch(p -> p.merged().size() == 0)) {
            return List.of();
        }
        List<Call> calls = columns.stream().flatMap(c -> c.expr().calls()).distinct().toList();
        if (select.intervalNanos() == 0) {
            return List.of(whole(points, calls, time.hasFrom() ? time.from() : 0, toMicros(toNanos)));
        }
        long fromNanos = time.hasFrom() ? time.from() : earliest(points);
        Windows windows = new Windows(select.intervalNanos(), select.offsetNanos(), select.zone());
        List<Long> starts = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        List<boolean[]> missing = new ArrayList<>();
        for (long start = windows.start(fromNanos); start <= toNanos; start = windows.next(start)) {
            if (starts.size() == MAX_WINDOWS) {
                throw new QueryException("GROUP BY time() makes more than " + MAX_WINDOWS + " windows of this "
                        + "range: choose a longer interval or a shorter range");
            }
            long fromMicros = Math.max(fromMicros(), ceilMicros(start));
            long toMicros = Math.min(toMicros(toNanos), ceilMicros(windows.next(start)));
            Object[] window = new Object[calls.size()];
            boolean[] none = new boolean[calls.size()];
            for (int k = 0; k < calls.size(); k++) {
                FieldPoints field = points.getOrDefault(calls.get(k).field(), FieldPoints.NONE);
                window[k] = call(calls.get(k), field, fromMicros, toMicros).value();
                none[k] = field.merged().firstAtOrAfter(fromMicros) == field.merged().firstAtOrAfter(toMicros);
            }
            starts.add(start);
            values.add(window);
            missing.add(none);
        }
        fill(calls, group, starts, values, missing);
        List<List<Object>> rows = new ArrayList<>();
        for (int w = 0; w < starts.size(); w++) {
            boolean[] none = missing.get(w);
            if (select.fill().kind() == Fill.Kind.NONE && allTrue(none)) {
                continue;
            }
            Map<Call, Object> byCall = new HashMap<>();
            for (int k = 0; k < calls.size(); k++) {
                byCall.put(calls.get(k), values.get(w)[k]);
            }
            List<Object> row = new ArrayList<>();
            row.add(new Time(starts.get(w), select.zone()));
            columns.forEach(column -> row.add(evaluate(column.expr(), byCall)));
            rows.add(row);
        }
        return rows;
    }

    private static long ceilMicros(long nanos) {
        return Math.floorDiv(nanos + NANOS_PER_MICRO - 1, NANOS_PER_MICRO);
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean flag : flags) {
            if (!flag) {
                return false;
            }
        }
        return true;
    }

    private static long earliest(Map<String, FieldPoints> points) {
        return points.values().stream().map(FieldPoints::merged).filter(p -> p.size() > 0)
                .mapToLong(p -> p.micros(0) * NANOS_PER_MICRO).min().orElse(Long.MAX_VALUE);
    }

    /**
     * The one row of a query without {@code GROUP BY time()}: at the range's start, or, for a lone selector, at
     * the time of the reading it chose.
     */
    private List<Object> whole(Map<String, FieldPoints> points, List<Call> calls, long startNanos, long toMicros) {
        Map<Call, Object> byCall = new HashMap<>();
        long chosenMicros = Long.MIN_VALUE;
        for (Call call : calls) {
            Functions.Result result = call(call, points.getOrDefault(call.field(), FieldPoints.NONE), fromMicros(),
                    toMicros);
            byCall.put(call, result.value());
            chosenMicros = result.micros();
        }
        boolean loneSelector = columns.size() == 1 && columns.get(0).expr() instanceof Call call
                && Column.SELECTORS.contains(call.function());
        List<Object> row = new ArrayList<>();
        row.add(new Time(loneSelector && chosenMicros != Long.MIN_VALUE ? chosenMicros * NANOS_PER_MICRO
                : startNanos, select.zone()));
        columns.forEach(column -> row.add(evaluate(column.expr(), byCall)));
        return row;
    }

    private static Functions.Result call(Call call, FieldPoints field, long fromMicros, long toMicros) {
        if (Functions.BY_SERIES.contains(call.function())) {
            return Functions.overSeries(call.function(), field.bySeries(), fromMicros, toMicros);
        }
        Points p = field.merged();
        return Functions.apply(call.function(), call.argument(), p, p.firstAtOrAfter(fromMicros),
                p.firstAtOrAfter(toMicros));
    }

    /** A column's value from its calls' values: a call's, a number, or arithmetic (none where an operand is none). */
    private static Object evaluate(Expr expr, Map<Call, Object> calls) {
        if (expr instanceof Call call) {
            return calls.get(call);
        } else if (expr instanceof Column.Number n) {
            return n.value();
        } else if (expr instanceof Arithmetic a && evaluate(a.left(), calls) instanceof Number l
                && evaluate(a.right(), calls) instanceof Number r) {
            return arithmetic(a.operator(), l.doubleValue(), r.doubleValue());
        }
        return null;
    }

    private static Double arithmetic(char operator, double left, double right) {
        return switch (operator) {
            case '+' -> left + right;
            case '-' -> left - right;
            case '*' -> left * right;
            case '/' -> right == 0 ? 0 : left / right;
            case '%' -> left % right;
            default -> throw new QueryException("unsupported operator " + operator + " on floats");
        };
    }

    /** Functions whose value over an integer field is an integer in InfluxDB (and so is a fill value for it). */
    private static final List<String> INTEGER_RESULTS = List.of("count", "min", "max", "first", "last", "sum",
            "spread", "percentile");

    /**
     * Fills each call's windows without readings as {@code fill()} says: with null (0 for {@code count}), a number
     * (an integer for an integer result), the previous window's value, or the straight line between the nearest
     * windows with readings (InfluxDB's linear fill: none before the first or after the last).
     */
    private void fill(List<Call> calls, Group group, List<Long> starts, List<Object[]> values,
            List<boolean[]> missing) {
        Fill fill = select.fill();
        for (int k = 0; k < calls.size(); k++) {
            Call call = calls.get(k);
            boolean integer = INTEGER_RESULTS.contains(call.function()) && (call.function().equals("count")
                    || group.series().stream().anyMatch(s -> s.field().equals(call.field()) && s.integer()));
            for (int w = 0; w < starts.size(); w++) {
                if (!missing.get(w)[k]) {
                    continue;
                }
                Object value = switch (fill.kind()) {
                    case NULL, NONE -> values.get(w)[k];
                    case VALUE -> integer ? (Object) (long) fill.value() : (Object) fill.value();
                    case PREVIOUS -> w == 0 ? null : values.get(w - 1)[k];
                    case LINEAR -> linear(starts, values, missing, k, w, integer, select.intervalNanos());
                };
                values.get(w)[k] = value;
            }
        }
    }

    /**
     * InfluxDB's linearFloat over window numbers (a window's start divided by the interval, as its fill iterator
     * divides them), so that the result rounds as InfluxDB's does.
     */
    private static Object linear(List<Long> starts, List<Object[]> values, List<boolean[]> missing, int k, int w,
            boolean integer, long interval) {
        int previous = w - 1;
        while (previous >= 0 && missing.get(previous)[k]) {
            previous--;
        }
        int next = w + 1;
        while (next < starts.size() && missing.get(next)[k]) {
            next++;
        }
        if (previous < 0 || next >= starts.size() || !(values.get(previous)[k] instanceof Number p)
                || !(values.get(next)[k] instanceof Number n)) {
            return values.get(w)[k];
        }
        long at = starts.get(w) / interval;
        long before = starts.get(previous) / interval;
        double slope = (n.doubleValue() - p.doubleValue()) / (double) (starts.get(next) / interval - before);
        double value = slope * (double) (at - before) + p.doubleValue();
        return integer ? (Object) (long) value : (Object) value;
    }

    /**
     * Raw fields: a row per series of the database and time at which any of its selected fields has a reading, the
     * series' fields side by side (arithmetic of them computed per row, none where an operand is missing).
     */
    private List<List<Object>> raw(Group group, boolean star, TreeSet<String> fields) {
        List<Expr> cells = star ? starColumns(group, fields).stream().<Expr>map(FieldRef::new).toList()
                : columns.stream().map(Column::expr).toList();
        long to = toMicros(select.time().to());
        Map<Map<String, String>, Map<String, Points>> byTags = new LinkedHashMap<>();
        for (SeriesInfo s : group.series()) {
            byTags.computeIfAbsent(s.tags(), t -> new HashMap<>()).merge(s.field(), source.read(s.sensorKey(),
                    fromMicros(), to), Points::merged);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (var tagged : byTags.entrySet()) {
            TreeMap<Long, Map<String, Double>> byTime = new TreeMap<>();
            tagged.getValue().forEach((field, p) -> {
                for (int i = 0; i < p.size(); i++) {
                    byTime.computeIfAbsent(p.micros(i), t -> new HashMap<>()).put(field, p.value(i));
                }
            });
            for (var entry : byTime.entrySet()) {
                List<Object> row = new ArrayList<>();
                row.add(new Time(entry.getKey() * NANOS_PER_MICRO, select.zone()));
                for (Expr cell : cells) {
                    row.add(rawValue(cell, entry.getValue(), tagged.getKey()));
                }
                rows.add(row);
            }
        }
        rows.sort((a, b) -> Long.compare(((Time) a.get(0)).nanos(), ((Time) b.get(0)).nanos()));
        return rows;
    }

    /** A raw cell: a field's value, else a tag's (for {@code SELECT *}), a number, or arithmetic of those. */
    private static Object rawValue(Expr expr, Map<String, Double> fields, Map<String, String> tags) {
        if (expr instanceof FieldRef f) {
            Double value = fields.get(f.field());
            return value != null ? value : tags.get(f.field());
        } else if (expr instanceof Column.Number n) {
            return n.value();
        } else if (expr instanceof Arithmetic a && rawValue(a.left(), fields, tags) instanceof Double l
                && rawValue(a.right(), fields, tags) instanceof Double r) {
            return arithmetic(a.operator(), l, r);
        }
        return null;
    }
}
