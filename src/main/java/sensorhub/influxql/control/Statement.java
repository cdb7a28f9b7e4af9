package sensorhub.influxql.control;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** An InfluxQL statement this service answers, as {@link InfluxQl} reads it. */
public sealed interface Statement {

    /** Whether it changes anything (a key needs {@code write} for it, else {@code read}). */
    default boolean writes() {
        return false;
    }

    /** The database a statement names with {@code ON db} or a qualified measurement, if it names one. */
    default Optional<String> database() {
        return Optional.empty();
    }

    /**
     * A statement that parses but cannot be answered (an unknown function, say): its error is its result, as
     * InfluxDB reports such a statement, where text that does not parse refuses the whole query.
     */
    record Invalid(String error) implements Statement {
    }

    record CreateDatabase(String name) implements Statement {
        @Override
        public boolean writes() {
            return true;
        }
    }

    record ShowDatabases() implements Statement {
    }

    record ShowRetentionPolicies(Optional<String> database) implements Statement {
    }

    /** A name or a regular expression matching names (of measurements or tag keys). */
    record NameMatch(Optional<String> name, Optional<Regex> regex, boolean negated) {
        public static NameMatch any() {
            return new NameMatch(Optional.empty(), Optional.empty(), false);
        }

        public boolean matches(String candidate) {
            boolean hit = name.map(candidate::equals).orElseGet(() -> regex.map(r -> r.find(candidate)).orElse(true));
            return hit != negated;
        }
    }

    /** Measurements as {@code FROM} names them: by name or regex, perhaps in another database. */
    record Sources(List<NameMatch> measurements, Optional<String> database) {
        public boolean matches(String measurement) {
            return measurements.isEmpty() || measurements.stream().anyMatch(m -> m.matches(measurement));
        }
    }

    record ShowMeasurements(Optional<String> database, NameMatch measurement, Condition where, Paging paging)
            implements Statement {
    }

    record ShowTagKeys(Optional<String> database, Sources from, Condition where, Paging paging) implements Statement {
    }

    record ShowTagValues(Optional<String> database, Sources from, List<NameMatch> keys, Condition where,
            Paging paging) implements Statement {
    }

    record ShowFieldKeys(Optional<String> database, Sources from) implements Statement {
    }

    /** {@code LIMIT} and {@code OFFSET}; zero means no limit. */
    record Paging(long limit, long offset) {
        public static final Paging NONE = new Paging(0, 0);

        public <T> List<T> apply(List<T> items) {
            int from = (int) Math.min(offset, items.size());
            int to = limit == 0 ? items.size() : (int) Math.min(items.size(), from + limit);
            return items.subList(from, to);
        }
    }

    /** How {@code GROUP BY time()} fills a window without readings. */
    record Fill(Kind kind, double value) {
        public enum Kind { NULL, NONE, PREVIOUS, LINEAR, VALUE }

        public static final Fill NULL = new Fill(Kind.NULL, 0);
    }

    /**
     * A {@code SELECT}: its columns, sources, tag condition and time range, grouping ({@code interval} 0 without
     * {@code GROUP BY time()}), fill, order and limits, and the zone of {@code tz()}.
     */
    record Select(List<Column> columns, Sources from, Condition where, TimeRange time, long intervalNanos,
            long offsetNanos, List<String> groupTags, boolean groupAllTags, Fill fill, boolean descending,
            Paging points, Paging series, Optional<ZoneId> zone) implements Statement {

        @Override
        public Optional<String> database() {
            return from.database();
        }

        public boolean aggregates() {
            return columns.stream().anyMatch(Column::aggregates);
        }
    }
}
