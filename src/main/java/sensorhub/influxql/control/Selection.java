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
 * their readings in its time range merged in time order per field, then either computed per window (functions) or
 * listed (raw fields).
 */
public final class Selection {

    /** Windows one series of an answer may have at most. */
    public static final int MAX_WINDOWS = 100_000;
    private static final long NANOS_PER_MICRO = 1_000;

    /** Where the readings come from: a sensor's readings in {@code [fromMicros, toMicros)}, in time order. */
    @FunctionalInterface
    public interface PointSource {
        Points read(long sensorKey, long fromMicros, long toMicros);
    }

    private final Select select;
    private final PointSource source;
    private final long nowNanos;

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
        for (var measurement : measurements.entrySet()) {
            List<SeriesInfo> inIt = measurement.getValue();
            boolean star = select.columns().stream().anyMatch(c -> c.expr() instanceof FieldRef f
                    && f.field().equals("*"));
            TreeSet<String> fields = new TreeSet<>();
            if (star) {
                inIt.forEach(s -> fields.add(s.field()));
            } else {
                select.columns().forEach(c -> fieldsOf(c.expr(), fields));
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
                if (!rows.isEmpty()) {
                    answer.add(new ResultSeries(measurement.getKey(), group.tags(), columns(group, star, fields),
                            rows));
                }
            }
        }
        return answer;
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
        List<String> columns = new ArrayList<>();
        columns.add("time");
        if (star) {
            columns.addAll(starColumns(group, fields));
        } else {
            select.columns().forEach(c -> columns.add(c.name()));
        }
        return columns;
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

    private List<List<Object>> windows(Group group) {
        TimeRange time = select.time();
        long toNanos = time.hasTo() || select.intervalNanos() == 0 ? time.to() : nowNanos;
        Map<String, FieldPoints> points = pointsByField(group, toNanos);
        if (points.values().stream().allMatch(p -> p.merged().size() == 0)) {
            return List.of();
        }
        if (select.intervalNanos() == 0) {
            return List.of(window(points, time.hasFrom() ? time.from() : 0, fromMicros(), toMicros(toNanos), true));
        }
        long fromNanos = time.hasFrom() ? time.from() : earliest(points);
        if (fromNanos == Long.MAX_VALUE) {
            return List.of();
        }
        Windows windows = new Windows(select.intervalNanos(), select.offsetNanos(), select.zone());
        List<List<Object>> rows = new ArrayList<>();
        List<Boolean> empty = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (long start = windows.start(fromNanos); start <= toNanos; start = windows.next(start)) {
            if (rows.size() == MAX_WINDOWS) {
                throw new QueryException("GROUP BY time() makes more than " + MAX_WINDOWS + " windows of this "
                        + "range: choose a longer interval or a shorter range");
            }
            long end = windows.next(start);
            long fromMicros = Math.max(fromMicros(), Math.floorDiv(start + NANOS_PER_MICRO - 1, NANOS_PER_MICRO));
            long toMicros = Math.min(toMicros(toNanos), Math.floorDiv(end + NANOS_PER_MICRO - 1, NANOS_PER_MICRO));
            List<Object> row = window(points, start, fromMicros, toMicros, false);
            empty.add(points.values().stream().map(FieldPoints::merged).allMatch(p -> p.firstAtOrAfter(fromMicros)
                    == p.firstAtOrAfter(toMicros)));
            rows.add(row);
            starts.add(start);
        }
        return filled(rows, empty, starts, integerColumns(group));
    }

    /** Functions whose value over an integer field is an integer in InfluxDB (and so is a fill value for it). */
    private static final List<String> INTEGER_RESULTS = List.of("count", "min", "max", "first", "last", "sum",
            "spread", "percentile");

    /** For each cell of a row (the time first), whether InfluxDB answers it as an integer. */
    private boolean[] integerColumns(Group group) {
        boolean[] integer = new boolean[select.columns().size() + 1];
        for (int c = 0; c < select.columns().size(); c++) {
            if (select.columns().get(c).expr() instanceof Call call && INTEGER_RESULTS.contains(call.function())) {
                integer[c + 1] = call.function().equals("count") || group.series().stream()
                        .anyMatch(s -> s.field().equals(call.field()) && s.integer());
            }
        }
        return integer;
    }

    private static long earliest(Map<String, FieldPoints> points) {
        return points.values().stream().map(FieldPoints::merged).filter(p -> p.size() > 0)
                .mapToLong(p -> p.micros(0) * NANOS_PER_MICRO).min().orElse(Long.MAX_VALUE);
    }

    /**
     * A row of function values over {@code [fromMicros, toMicros)}: the window's start, or, for a lone selector
     * without {@code GROUP BY time()}, the time of the reading it chose.
     */
    private List<Object> window(Map<String, FieldPoints> points, long startNanos, long fromMicros, long toMicros,
            boolean whole) {
        List<Object> row = new ArrayList<>();
        row.add(new Time(startNanos, select.zone()));
        long selectedMicros = Long.MIN_VALUE;
        for (Column column : select.columns()) {
            Evaluated value = evaluate(column.expr(), points, fromMicros, toMicros);
            row.add(value.value());
            selectedMicros = value.micros();
        }
        boolean loneSelector = select.columns().size() == 1 && select.columns().get(0).expr() instanceof Call call
                && Column.SELECTORS.contains(call.function());
        if (whole && loneSelector && selectedMicros != Long.MIN_VALUE) {
            row.set(0, new Time(selectedMicros * NANOS_PER_MICRO, select.zone()));
        }
        return row;
    }

    private record Evaluated(Object value, long micros) {
    }

    private Evaluated evaluate(Expr expr, Map<String, FieldPoints> points, long fromMicros, long toMicros) {
        if (expr instanceof Call call) {
            FieldPoints field = points.getOrDefault(call.field(), FieldPoints.NONE);
            Functions.Result result = Functions.BY_SERIES.contains(call.function())
                    ? Functions.overSeries(call.function(), field.bySeries(), fromMicros, toMicros)
                    : Functions.apply(call.function(), call.argument(), field.merged(),
                            field.merged().firstAtOrAfter(fromMicros), field.merged().firstAtOrAfter(toMicros));
            return new Evaluated(result.value(), result.micros());
        }
        if (expr instanceof Column.Number n) {
            return new Evaluated(n.value(), Long.MIN_VALUE);
        }
        if (expr instanceof Arithmetic a) {
            Object left = evaluate(a.left(), points, fromMicros, toMicros).value();
            Object right = evaluate(a.right(), points, fromMicros, toMicros).value();
            if (!(left instanceof Number l) || !(right instanceof Number r)) {
                return new Evaluated(null, Long.MIN_VALUE);
            }
            return new Evaluated(arithmetic(a.operator(), l.doubleValue(), r.doubleValue()), Long.MIN_VALUE);
        }
        throw new QueryException("mixing aggregate and non-aggregate queries is not supported");
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

    /** The rows with the empty windows filled as {@code fill()} says. */
    private List<List<Object>> filled(List<List<Object>> rows, List<Boolean> empty, List<Long> starts,
            boolean[] integer) {
        Fill fill = select.fill();
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!empty.get(i) || fill.kind() == Fill.Kind.NULL) {
                out.add(rows.get(i));
            } else if (fill.kind() == Fill.Kind.VALUE) {
                List<Object> row = rows.get(i);
                for (int c = 1; c < row.size(); c++) {
                    row.set(c, integer[c] ? (Object) (long) fill.value() : (Object) fill.value());
                }
                out.add(row);
            } else if (fill.kind() == Fill.Kind.PREVIOUS) {
                List<Object> row = rows.get(i);
                if (!out.isEmpty()) {
                    List<Object> previous = out.get(out.size() - 1);
                    for (int c = 1; c < row.size(); c++) {
                        row.set(c, previous.get(c));
                    }
                }
                out.add(row);
            } else if (fill.kind() == Fill.Kind.LINEAR) {
                out.add(linear(rows, empty, starts, i, integer));
            }
        }
        return out;
    }

    /** InfluxDB's linear fill: between the nearest windows with readings, by window start; none at the ends. */
    private static List<Object> linear(List<List<Object>> rows, List<Boolean> empty, List<Long> starts, int i,
            boolean[] integer) {
        List<Object> row = rows.get(i);
        int previous = i - 1;
        while (previous >= 0 && empty.get(previous)) {
            previous--;
        }
        int next = i + 1;
        while (next < rows.size() && empty.get(next)) {
            next++;
        }
        if (previous < 0 || next >= rows.size()) {
            return row;
        }
        for (int c = 1; c < row.size(); c++) {
            if (rows.get(previous).get(c) instanceof Number p && rows.get(next).get(c) instanceof Number n) {
                double slope = (n.doubleValue() - p.doubleValue()) / (double) (starts.get(next) - starts.get(previous));
                double value = slope * (double) (starts.get(i) - starts.get(previous)) + p.doubleValue();
                row.set(c, integer[c] ? (Object) (long) value : (Object) value);
            }
        }
        return row;
    }

    /**
     * Raw fields: a row per series of the database and time at which any of its selected fields has a reading, the
     * series' fields side by side (arithmetic of them computed per row, none where an operand is missing).
     */
    private List<List<Object>> raw(Group group, boolean star, TreeSet<String> fields) {
        List<Expr> cells = star ? starColumns(group, fields).stream().<Expr>map(FieldRef::new).toList()
                : select.columns().stream().map(Column::expr).toList();
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
