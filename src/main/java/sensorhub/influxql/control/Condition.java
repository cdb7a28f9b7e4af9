package sensorhub.influxql.control;

import java.util.Map;

/**
 * The tag part of a {@code WHERE}, held against a series' tags: a tag a series lacks is the empty string, as in
 * InfluxDB.
 */
public sealed interface Condition {

    Condition ALWAYS = new Always();

    boolean test(Map<String, String> tags);

    record Always() implements Condition {
        @Override
        public boolean test(Map<String, String> tags) {
            return true;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, String> tags) {
            return left.test(tags) && right.test(tags);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, String> tags) {
            return left.test(tags) || right.test(tags);
        }
    }

    record TagEquals(String key, String value, boolean negated) implements Condition {
        @Override
        public boolean test(Map<String, String> tags) {
            return tags.getOrDefault(key, "").equals(value) != negated;
        }
    }

    record TagMatches(String key, Regex regex, boolean negated) implements Condition {
        @Override
        public boolean test(Map<String, String> tags) {
            return regex.find(tags.getOrDefault(key, "")) != negated;
        }
    }

    static Condition and(Condition left, Condition right) {
        return left == ALWAYS ? right : right == ALWAYS ? left : new And(left, right);
    }
}
