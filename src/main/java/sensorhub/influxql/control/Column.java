package sensorhub.influxql.control;

import java.util.List;
import java.util.stream.Stream;

/** A column of a {@code SELECT}: its name in the answer and what it computes. */
public record Column(String name, Expr expr) {

    public boolean aggregates() {
        return expr.calls().findAny().isPresent();
    }

    /** What a column computes: a field's raw value, a function of a field, a number, or arithmetic of those. */
    public sealed interface Expr {

        /** The function calls inside. */
        default Stream<Call> calls() {
            return Stream.empty();
        }
    }

    record FieldRef(String field) implements Expr {
    }

    /** {@code function(field[, argument])}: {@code percentile}'s argument is its percentage. */
    record Call(String function, String field, double argument) implements Expr {
        @Override
        public Stream<Call> calls() {
            return Stream.of(this);
        }
    }

    record Number(double value) implements Expr {
    }

    record Arithmetic(char operator, Expr left, Expr right) implements Expr {
        @Override
        public Stream<Call> calls() {
            return Stream.concat(left.calls(), right.calls());
        }
    }

    /** The field of {@code count(*)}: every field of the measurement, a column each ({@code count_value}). */
    public static final String ALL_FIELDS = "*";

    /** The functions a column may call, as InfluxQL defines them. */
    public static final List<String> FUNCTIONS = List.of("count", "mean", "median", "min", "max", "sum", "first",
            "last", "spread", "stddev", "percentile");

    /** Those that pick one reading, whose time a query without {@code GROUP BY time()} answers with. */
    public static final List<String> SELECTORS = List.of("min", "max", "first", "last", "percentile");
}
