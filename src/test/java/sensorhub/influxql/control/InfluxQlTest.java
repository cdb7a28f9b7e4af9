package sensorhub.influxql.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sensorhub.influxql.control.Column.Arithmetic;
import sensorhub.influxql.control.Column.Call;
import sensorhub.influxql.control.Column.FieldRef;
import sensorhub.influxql.control.Statement.Fill;
import sensorhub.influxql.control.Statement.Paging;
import sensorhub.influxql.control.Statement.Select;

/** Where a message or an answer is InfluxDB's, it is the one InfluxDB 1.6.7~rc0 gave to the same query. */
class InfluxQlTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long T0 = 1_776_672_000L * SECOND;
    private static final long NOW = T0 + 10 * HOUR + 123_456_789;
    private static final String FOUND_SELEC = "error parsing query: found SELEC, expected SELECT, DELETE, SHOW, "
            + "CREATE, DROP, EXPLAIN, GRANT, REVOKE, ALTER, SET, KILL at line 1, char ";

    private static List<Statement> parse(String query) {
        return InfluxQl.parse(query, NOW);
    }

    private static Statement statement(String query) {
        List<Statement> statements = parse(query);
        assertEquals(1, statements.size(), query);
        return statements.get(0);
    }

    private static Select select(String query) {
        return assertInstanceOf(Select.class, statement(query));
    }

    private static String invalid(String query) {
        return assertInstanceOf(Statement.Invalid.class, statement(query)).error();
    }

    private static String refused(String query) {
        return assertThrows(QueryException.class, () -> parse(query)).getMessage();
    }

    private static TimeRange time(String condition) {
        return select("SELECT mean(\"value\") FROM \"air\" WHERE " + condition).time();
    }

    private static Condition where(String condition) {
        return select("SELECT \"value\" FROM \"air\" WHERE " + condition).where();
    }

    private static List<String> columnNames(String fields) {
        return select("SELECT " + fields + " FROM \"air\"").columns().stream().map(Column::name).toList();
    }

    private static Fill fill(String clause) {
        return select("SELECT mean(\"value\") FROM \"air\" GROUP BY time(1m) " + clause).fill();
    }

    @Test
    void readsEachKindOfStatement() {
        List<Statement> statements = parse("SHOW DATABASES; SHOW MEASUREMENTS; SHOW TAG KEYS; "
                + "SHOW TAG VALUES WITH KEY = \"room\"; SHOW FIELD KEYS; SHOW RETENTION POLICIES ON \"golden\"; "
                + "CREATE DATABASE \"golden\"; SELECT \"value\" FROM \"air\";");

        assertEquals(List.of(Statement.ShowDatabases.class, Statement.ShowMeasurements.class,
                Statement.ShowTagKeys.class, Statement.ShowTagValues.class, Statement.ShowFieldKeys.class,
                Statement.ShowRetentionPolicies.class, Statement.CreateDatabase.class, Select.class),
                statements.stream().map(Object::getClass).toList());
    }

    @Test
    void onlyCreateDatabaseWrites() {
        assertTrue(statement("CREATE DATABASE golden").writes());
        assertEquals(new Statement.CreateDatabase("golden"), statement("CREATE DATABASE \"golden\""));
        assertFalse(statement("SHOW DATABASES").writes());
        assertFalse(statement("SELECT \"value\" FROM \"air\"").writes());
    }

    @Test
    void readsTheDatabaseOfShowStatements() {
        assertEquals(Optional.of("golden"), statement("SHOW RETENTION POLICIES ON golden").database());
        assertEquals(new Statement.ShowRetentionPolicies(Optional.empty()), statement("SHOW RETENTION POLICIES"));
        var show = assertInstanceOf(Statement.ShowMeasurements.class, statement("SHOW MEASUREMENTS ON \"other\""));
        assertEquals(Optional.of("other"), show.database());
    }

    @Test
    void readsShowMeasurementsWithARegexAndPaging() {
        var show = assertInstanceOf(Statement.ShowMeasurements.class,
                statement("SHOW MEASUREMENTS WITH MEASUREMENT =~ /ai.*/ LIMIT 5 OFFSET 1"));

        assertTrue(show.measurement().matches("air"));
        assertFalse(show.measurement().matches("°C"));
        assertEquals(new Paging(5, 1), show.paging());
    }

    @Test
    void readsShowTagValuesKeysAndCondition() {
        var show = assertInstanceOf(Statement.ShowTagValues.class,
                statement("SHOW TAG VALUES FROM \"air\" WITH KEY = \"room\" WHERE \"room\" =~ /a/"));

        assertTrue(show.from().matches("air"));
        assertFalse(show.from().matches("°C"));
        assertTrue(show.keys().get(0).matches("room"));
        assertFalse(show.keys().get(0).matches("host"));
        assertTrue(show.where().test(Map.of("room", "a")));
        assertFalse(show.where().test(Map.of("room", "b")));
    }

    @Test
    void readsShowTagValuesWithKeyInAListOrMatchingARegex() {
        var in = assertInstanceOf(Statement.ShowTagValues.class,
                statement("SHOW TAG VALUES WITH KEY IN (\"room\", host)"));
        var regex = assertInstanceOf(Statement.ShowTagValues.class,
                statement("SHOW TAG VALUES WITH KEY !~ /^ro/"));

        assertEquals(List.of(true, true, false), List.of("room", "host", "floor").stream()
                .map(k -> in.keys().stream().anyMatch(m -> m.matches(k))).toList());
        assertFalse(regex.keys().get(0).matches("room"));
        assertTrue(regex.keys().get(0).matches("host"));
    }

    @Test
    void readsQuotedAndBareIdentifiersAlike() {
        assertEquals(select("SELECT mean(\"value\") FROM \"air\" GROUP BY \"room\""),
                select("SELECT mean(value) FROM air GROUP BY room"));
    }

    @Test
    void resolvesEscapesInQuotedIdentifiersAndStrings() {
        Select select = select("SELECT \"the \\\"value\\\"\" FROM \"my \\\\air\" WHERE \"room\" = 'Anna\\'s'");

        assertEquals(new FieldRef("the \"value\""), select.columns().get(0).expr());
        assertTrue(select.from().matches("my \\air"));
        assertTrue(select.where().test(Map.of("room", "Anna's")));
    }

    @Test
    void readsKeywordsAndFunctionNamesInAnyCase() {
        Select lower = select("select MEAN(value) from air where time >= 1776672000000ms group by time(1m) "
                + "fill(NONE) order by time desc limit 3 slimit 1 tz('Europe/Berlin')");

        assertEquals(List.of("mean"), lower.columns().stream().map(Column::name).toList());
        assertEquals(new Call("mean", "value", 0), lower.columns().get(0).expr());
        assertEquals(Fill.Kind.NONE, lower.fill().kind());
        assertTrue(lower.descending());
        assertEquals(new Paging(3, 0), lower.points());
        assertEquals(new Paging(1, 0), lower.series());
        assertEquals(T0, lower.time().from());
    }

    @Test
    void keepsTheCaseOfMeasurementNames() {
        Select upper = select("select MEAN(value) from AIR");

        assertTrue(upper.from().matches("AIR"));
        assertFalse(upper.from().matches("air"));
    }

    @Test
    void readsRfc3339TimeStringsAndKeepsExclusiveBoundsExclusive() {
        assertEquals(new TimeRange(T0, T0 + 10 * MINUTE - 1),
                time("time >= '2026-04-20T08:00:00Z' AND time < '2026-04-20T08:10:00Z'"));
        assertEquals(new TimeRange(T0 + 1, T0 + 10 * MINUTE),
                time("time > '2026-04-20T08:00:00Z' AND time <= '2026-04-20T08:10:00Z'"));
    }

    @Test
    void readsFractionsAndOffsetsOfTimeStrings() {
        assertEquals(T0 + 500_000_000, time("time >= '2026-04-20T10:00:00.5+02:00'").from());
        assertEquals(T0 + 10 * MINUTE, time("time >= '2026-04-20T08:10:00.000Z'").from());
    }

    @Test
    void readsTheOtherTimeStringFormsInfluxDbAccepts() {
        assertEquals(T0, time("time >= '2026-04-20 08:00:00'").from());
        assertEquals(T0 + 250_000_000, time("time >= '2026-04-20 08:00:00.25'").from());
        assertEquals(T0 - 8 * HOUR, time("time >= '2026-04-20'").from());
    }

    @Test
    void readsEpochDurationsAndBareNanoseconds() {
        assertEquals(new TimeRange(T0, T0 + 599 * SECOND),
                time("time >= 1776672000000ms and time <= 1776672599000ms"));
        assertEquals(new TimeRange(T0, T0 + 600 * SECOND - 1), time("time >= 1776672000s AND time < 1776672600s"));
        assertEquals(new TimeRange(T0, T0 + 600 * SECOND - 1),
                time("time >= 1776672000000000000 AND time < 1776672600000000000"));
        assertEquals(T0, time("time >= 1776672000000000u").from());
    }

    @Test
    void readsTimesRelativeToNow() {
        assertEquals(new TimeRange(NOW - 6 * HOUR + 1, TimeRange.MAX), time("time > now() - 6h"));
        assertEquals(NOW - 6 * HOUR, time("time >= now() - 6h").from());
        assertEquals(NOW - 90 * MINUTE, time("time >= NOW() - 1h30m").from());
        assertEquals(NOW + HOUR, time("time <= now() + 1h").to());
    }

    @Test
    void anEqualTimeIsBothBounds() {
        assertEquals(new TimeRange(T0, T0), time("time = '2026-04-20T08:00:00Z'"));
    }

    @Test
    void withoutATimeConditionTheRangeIsUnbounded() {
        TimeRange all = select("SELECT mean(\"value\") FROM \"air\" WHERE \"room\" = 'a'").time();

        assertEquals(TimeRange.ALL, all);
        assertFalse(all.hasFrom());
        assertFalse(all.hasTo());
    }

    @Test
    void anInvertedRangeIsEmpty() {
        assertTrue(time("time >= now() - 1h AND time < now() - 2h").isEmpty());
        assertFalse(time("time >= now() - 2h AND time < now() - 1h").isEmpty());
    }

    @Test
    void tagEqualityTreatsAMissingTagAsEmpty() {
        Condition room = where("\"room\" = 'a'");
        Condition notRoom = where("\"room\" != 'a'");

        assertTrue(room.test(Map.of("room", "a")));
        assertFalse(room.test(Map.of("room", "b")));
        assertFalse(room.test(Map.of()));
        assertFalse(notRoom.test(Map.of("room", "a")));
        assertTrue(notRoom.test(Map.of("room", "b")));
        assertTrue(notRoom.test(Map.of()));
        assertTrue(where("\"room\" = ''").test(Map.of()));
        assertTrue(where("\"room\" <> 'a'").test(Map.of("room", "b")));
    }

    @Test
    void regexConditionsMatchAnywhereUnlessAnchored() {
        Condition anchored = where("\"room\"::tag =~ /^(a|b)$/");
        Condition notA = where("\"room\" !~ /a/");

        assertTrue(anchored.test(Map.of("room", "a")));
        assertTrue(anchored.test(Map.of("room", "b")));
        assertFalse(anchored.test(Map.of("room", "ab")));
        assertTrue(where("\"room\" =~ /a/").test(Map.of("room", "kitchen a")));
        assertFalse(notA.test(Map.of("room", "hall a")));
        assertTrue(notA.test(Map.of("room", "b")));
        assertTrue(where("\"path\" =~ /^a\\/b$/").test(Map.of("path", "a/b")));
    }

    @Test
    void combinesTagConditionsWithAndOrAndParentheses() {
        Condition grouped = where("(\"room\" = 'a' OR \"room\" = 'b') AND \"floor\" = '1'");
        Condition ungrouped = where("\"room\" = 'a' OR \"room\" = 'b' AND \"floor\" = '1'");

        assertTrue(grouped.test(Map.of("room", "a", "floor", "1")));
        assertTrue(grouped.test(Map.of("room", "b", "floor", "1")));
        assertFalse(grouped.test(Map.of("room", "c", "floor", "1")));
        assertFalse(grouped.test(Map.of("room", "a", "floor", "2")));
        assertTrue(ungrouped.test(Map.of("room", "a", "floor", "2")));
        assertFalse(ungrouped.test(Map.of("room", "b", "floor", "2")));
    }

    @Test
    void separatesTheTimeRangeFromTagConditionsAndedWithIt() {
        Select select = select("SELECT mean(\"value\") FROM \"air\" WHERE (\"room\" = 'a') AND "
                + "time >= 1776672000000ms and (time <= 1776672599000ms AND \"floor\" =~ /1/)");

        assertEquals(new TimeRange(T0, T0 + 599 * SECOND), select.time());
        assertTrue(select.where().test(Map.of("room", "a", "floor", "1")));
        assertFalse(select.where().test(Map.of("room", "a", "floor", "2")));
        assertFalse(select.where().test(Map.of("room", "b", "floor", "1")));
    }

    @Test
    void readsGroupByTimeWithAnOffset() {
        Select select = select("SELECT mean(\"value\") FROM \"air\" GROUP BY time(1m, 30s)");

        assertEquals(MINUTE, select.intervalNanos());
        assertEquals(30 * SECOND, select.offsetNanos());
        assertEquals(2 * HOUR + 30 * MINUTE, select("SELECT max(value) FROM air GROUP BY time(2h30m)")
                .intervalNanos());
    }

    @Test
    void readsGroupByTags() {
        Select byTags = select("SELECT mean(\"value\") FROM \"air\" GROUP BY time(5m), \"room\"::tag, host");
        Select byAll = select("SELECT mean(\"value\") FROM \"air\" GROUP BY time(5m), *");

        assertEquals(List.of("room", "host"), byTags.groupTags());
        assertFalse(byTags.groupAllTags());
        assertEquals(5 * MINUTE, byTags.intervalNanos());
        assertTrue(byAll.groupAllTags());
        assertEquals(0, select("SELECT mean(\"value\") FROM \"air\" GROUP BY *").intervalNanos());
    }

    @Test
    void readsEachFill() {
        assertEquals(Fill.NULL, select("SELECT mean(\"value\") FROM \"air\" GROUP BY time(1m)").fill());
        assertEquals(Fill.NULL, fill("fill(null)"));
        assertEquals(Fill.Kind.NONE, fill("fill(none)").kind());
        assertEquals(Fill.Kind.PREVIOUS, fill("fill(previous)").kind());
        assertEquals(Fill.Kind.LINEAR, fill("fill(linear)").kind());
        assertEquals(new Fill(Fill.Kind.VALUE, 0), fill("fill(0)"));
        assertEquals(new Fill(Fill.Kind.VALUE, -1.5), fill("fill(-1.5)"));
        assertEquals(new Fill(Fill.Kind.VALUE, 100), fill("fill(100)"));
    }

    @Test
    void refusesAnUnknownFillAsInfluxDbDoes() {
        assertEquals("error parsing query: expected number argument in fill()", refused("SELECT mean(\"value\") "
                + "FROM \"air\" WHERE time >= 1776672000000ms GROUP BY time(1m) fill(bogus)"));
    }

    @Test
    void readsLimitsAndOrder() {
        Select select = select("SELECT \"value\" FROM \"air\" GROUP BY \"room\" ORDER BY time DESC LIMIT 3 OFFSET 1 "
                + "SLIMIT 2 SOFFSET 4");

        assertTrue(select.descending());
        assertEquals(new Paging(3, 1), select.points());
        assertEquals(new Paging(2, 4), select.series());
        assertFalse(select("SELECT \"value\" FROM \"air\" ORDER BY time ASC").descending());
        assertEquals(Paging.NONE, select("SELECT \"value\" FROM \"air\"").points());
    }

    @Test
    void readsTheTimeZone() {
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), select("SELECT mean(\"value\") FROM \"air\" "
                + "GROUP BY time(1m) tz('Europe/Berlin')").zone());
        assertEquals(Optional.empty(), select("SELECT mean(\"value\") FROM \"air\" GROUP BY time(1m)").zone());
    }

    @Test
    void refusesAnUnknownTimeZoneAsInfluxDbDoes() {
        assertEquals("error parsing query: unable to find time zone Nowhere/Bogus", refused("SELECT mean(\"value\") "
                + "FROM \"air\" GROUP BY time(1m) tz('Nowhere/Bogus')"));
    }

    @Test
    void refusesAMisspelledStatementAsInfluxDbDoes() {
        assertEquals(FOUND_SELEC + "1", refused("SELEC mean(value) FROM air"));
    }

    @Test
    void countsTheErrorsCharacterFromTheStartOfTheWholeQuery() {
        assertEquals(FOUND_SELEC + "17", refused("SHOW DATABASES; SELEC 1"));
    }

    @Test
    void refusesOtherSyntaxErrorsAsParseErrors() {
        String endsEarly = refused("SELECT mean(value) FROM");
        String unclosed = refused("SELECT mean(value) FROM air WHERE room = 'a");

        assertTrue(endsEarly.startsWith("error parsing query: found EOF"), endsEarly);
        assertTrue(endsEarly.endsWith("at line 1, char 24"), endsEarly);
        assertTrue(unclosed.startsWith("error parsing query: "), unclosed);
        assertTrue(refused("SELECT mean(value)\nFROM air GROUP time(1m)").endsWith("at line 2, char 16"));
    }

    @Test
    void makesAnUnknownFunctionTheStatementsErrorInInfluxDbsWords() {
        List<Statement> statements = parse("SELECT foo(\"value\") FROM \"air\"; SHOW DATABASES");

        assertEquals(new Statement.Invalid("undefined function foo()"), statements.get(0));
        assertInstanceOf(Statement.ShowDatabases.class, statements.get(1));
    }

    @Test
    void makesOtherSemanticErrorsTheStatementsErrorInInfluxDbsWords() {
        assertEquals("mixing aggregate and non-aggregate queries is not supported",
                invalid("SELECT mean(\"value\"), \"value\" FROM \"air\""));
        assertEquals("GROUP BY requires at least one aggregate function",
                invalid("SELECT \"value\" FROM \"air\" GROUP BY time(1m)"));
        assertEquals("invalid number of arguments for percentile, expected 2, got 1",
                invalid("SELECT percentile(\"value\") FROM \"air\""));
        assertEquals("invalid operation: time and *influxql.StringLiteral are not compatible",
                invalid("SELECT mean(\"value\") FROM \"air\" WHERE time >= 'garbage'"));
        assertEquals("only ORDER BY time supported at this time",
                invalid("SELECT \"value\" FROM \"air\" ORDER BY \"value\""));
    }

    /** A function of a wildcard is a column per field once the fields are known; percentile needs its number. */
    @Test
    void readsAFunctionOfAWildcardAsACallOfEveryField() {
        Statement.Select select = assertInstanceOf(Statement.Select.class, statement("SELECT mean(*) FROM \"air\""));
        assertEquals(new Column.Call("mean", Column.ALL_FIELDS, 0), select.columns().get(0).expr());
        assertInstanceOf(Statement.Invalid.class, statement("SELECT percentile(*) FROM \"air\""));
    }

    @Test
    void readsFunctionCallsAndPercentilesArgument() {
        Select select = select("SELECT percentile(\"value\", 95), percentile(value, 99.9), count(\"value\"::float) "
                + "FROM \"air\"");

        assertEquals(List.of(new Call("percentile", "value", 95), new Call("percentile", "value", 99.9),
                new Call("count", "value", 0)), select.columns().stream().map(Column::expr).toList());
    }

    @Test
    void namesColumnsAfterTheirFunctionNumberingRepeats() {
        assertEquals(List.of("mean", "mean_1", "mean_2"), columnNames("mean(\"value\"), mean(\"value\"), "
                + "mean(\"value\")"));
        assertEquals(List.of("count", "percentile", "percentile_1"), columnNames("count(\"value\"), "
                + "percentile(\"value\", 5), percentile(\"value\", 95)"));
        assertEquals(List.of("value", "value_1"), columnNames("\"value\", \"value\""));
    }

    @Test
    void letsAnAliasTakeItsNameFromAnEarlierColumn() {
        assertEquals(List.of("avg", "mean"), columnNames("mean(\"value\") AS \"avg\", mean(\"value\")"));
        assertEquals(List.of("mean_1", "mean"), columnNames("mean(\"value\"), max(\"value\") AS \"mean\""));
    }

    @Test
    void namesArithmeticAfterItsOperands() {
        assertEquals(List.of("mean"), columnNames("mean(\"value\") / 2"));
        assertEquals(List.of("mean", "mean_mean"), columnNames("mean(\"value\") * 2, mean(\"value\") - "
                + "mean(\"value\")"));
        assertEquals(List.of("value", "value_hum"), columnNames("\"value\" * 2, \"value\" + \"hum\""));
        assertEquals(List.of("x"), columnNames("mean(\"value\") * 2 + 1 AS \"x\""));
    }

    @Test
    void readsArithmeticWithItsPrecedence() {
        Select select = select("SELECT mean(\"value\") * 2 + 1 FROM \"air\"");

        assertEquals(new Arithmetic('+', new Arithmetic('*', new Call("mean", "value", 0), new Column.Number(2)),
                new Column.Number(1)), select.columns().get(0).expr());
    }

    @Test
    void readsMeasurementsByRegex() {
        Select select = select("SELECT mean(\"value\") FROM /a.*/");

        assertTrue(select.from().matches("air"));
        assertFalse(select.from().matches("°C"));
    }

    @Test
    void readsTheDatabaseOfAFullyQualifiedMeasurement() {
        Select qualified = select("SELECT mean(\"value\") FROM \"golden\".\"autogen\".\"air\"");
        Select defaultPolicy = select("SELECT mean(\"value\") FROM \"golden\"..\"air\"");

        assertEquals(Optional.of("golden"), qualified.database());
        assertTrue(qualified.from().matches("air"));
        assertEquals(Optional.of("golden"), defaultPolicy.database());
        assertTrue(defaultPolicy.from().matches("air"));
    }

    /** InfluxQL's two-part name is retention_policy.measurement: Grafana writes it when a policy is chosen. */
    @Test
    void readsATwoPartMeasurementAsPolicyAndMeasurement() {
        Select select = select("SELECT mean(\"value\") FROM \"autogen\".\"air\"");

        assertEquals(Optional.empty(), select.database());
        assertTrue(select.from().matches("air"));
    }

    @Test
    void readsDurationLiterals() {
        assertEquals(90 * MINUTE, InfluxQl.durationNanos("1h30m"));
        assertEquals(1_776_672_000_000L * 1_000_000, InfluxQl.durationNanos("1776672000000ms"));
        assertEquals(7 * 24 * HOUR, InfluxQl.durationNanos("1w"));
        assertEquals(1_500, InfluxQl.durationNanos("1u500ns"));
        assertEquals(2_000, InfluxQl.durationNanos("2µ"));
    }

    @Test
    void refusesADurationBeyondTheRangeOfNanoseconds() {
        assertThrows(QueryException.class, () -> InfluxQl.durationNanos("9223372036854775807s"));
    }
}
