package sensorhub.influxql.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sensorhub.influxql.control.ResultSeries.Time;

/**
 * Expected texts are the bodies InfluxDB 1.6.7~rc0 answered to the same statements (less the final line break the
 * HTTP layer adds) or, where no body was captured, what its writers make: encoding/json, and for CSV its
 * csvFormatter (services/httpd/response_writer.go) with encoding/csv.
 */
class AnswersTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_776_672_000L * SECOND;
    private static final Optional<ZoneId> UTC = Optional.empty();
    private static final String FOUND_SELEC = "error parsing query: found SELEC, expected SELECT, DELETE, SHOW, "
            + "CREATE, DROP, EXPLAIN, GRANT, REVOKE, ALTER, SET, KILL at line 1, char 1";

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static Time at(long nanos) {
        return new Time(nanos, UTC);
    }

    private static ResultSeries air(List<String> columns, List<List<Object>> rows) {
        return new ResultSeries("air", Map.of(), columns, rows);
    }

    private static ResultSeries mean(Map<String, String> tags, List<List<Object>> rows) {
        return new ResultSeries("air", tags, List.of("time", "mean"), rows);
    }

    private static Map<String, String> tags(String... keysAndValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tags;
    }

    private static List<StatementResult> one(ResultSeries... series) {
        return List.of(StatementResult.of(0, List.of(series)));
    }

    private static String json(List<StatementResult> results) {
        return Answers.inEpoch(null).json(results);
    }

    private static String csv(List<StatementResult> results) {
        return Answers.inEpoch(null).csv(results);
    }

    private static ResultSeries databases() {
        return new ResultSeries("databases", Map.of(), List.of("name"), List.of(row("golden"), row("other")));
    }

    private static ResultSeries measurements() {
        return new ResultSeries("measurements", Map.of(), List.of("name"), List.of(row("air"), row("°C")));
    }

    @Test
    void writesASeriesWithoutTagsWhenNotGroupedByTag() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\",\"max\"],"
                + "\"values\":[[\"2026-04-20T08:00:20Z\",23]]}]}]}",
                json(one(air(List.of("time", "max"), List.of(row(at(T0 + 20 * SECOND), 23.0))))));
    }

    @Test
    void writesTheTagsOfEachSeriesOfAGroupByTag() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"tags\":{\"room\":\"a\"},"
                + "\"columns\":[\"time\",\"max\"],\"values\":[[\"2026-04-20T08:00:20Z\",23]]},{\"name\":\"air\","
                + "\"tags\":{\"room\":\"b\"},\"columns\":[\"time\",\"max\"],\"values\":[[\"2026-04-20T08:09:00Z\","
                + "21.25]]}]}]}",
                json(one(new ResultSeries("air", tags("room", "a"), List.of("time", "max"),
                        List.of(row(at(T0 + 20 * SECOND), 23.0))),
                        new ResultSeries("air", tags("room", "b"), List.of("time", "max"),
                                List.of(row(at(T0 + 540 * SECOND), 21.25))))));
    }

    @Test
    void writesSeveralTagsAndNonAsciiNamesAsTheyAre() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"°C\",\"tags\":{\"domain\":\"sensor\","
                + "\"entity_id\":\"living\"},\"columns\":[\"time\",\"mean\"],\"values\":[[\"1970-01-01T00:00:00Z\","
                + "21.5]]}]}]}",
                json(one(new ResultSeries("°C", tags("domain", "sensor", "entity_id", "living"),
                        List.of("time", "mean"), List.of(row(at(0), 21.5))))));
    }

    @Test
    void writesNullsIntegersAndBooleansAsJsonDoes() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\",\"mean\","
                + "\"count\",\"ok\"],\"values\":[[\"2026-04-20T08:03:00Z\",null,0,false]]}]}]}",
                json(one(air(List.of("time", "mean", "count", "ok"),
                        List.of(row(at(T0 + 180 * SECOND), null, 0L, false))))));
    }

    @Test
    void leavesOutTheNameOfASeriesWithoutOne() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[\"name\",\"duration\","
                + "\"shardGroupDuration\",\"replicaN\",\"default\"],\"values\":[[\"autogen\",\"0s\",\"168h0m0s\",1,"
                + "true]]}]}]}",
                json(one(new ResultSeries(null, Map.of(), List.of("name", "duration", "shardGroupDuration",
                        "replicaN", "default"), List.of(row("autogen", "0s", "168h0m0s", 1L, true))))));
    }

    @Test
    void writesAStatementWithoutSeriesAsItsIdAlone() {
        assertEquals("{\"results\":[{\"statement_id\":0}]}", json(List.of(StatementResult.of(0, List.of()))));
    }

    @Test
    void writesAStatementsErrorInPlaceOfItsSeries() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"error\":\"undefined function foo()\"}]}",
                json(List.of(StatementResult.failed(0, "undefined function foo()"))));
    }

    @Test
    void writesEachStatementWithItsId() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"databases\",\"columns\":[\"name\"],"
                + "\"values\":[[\"golden\"],[\"other\"]]}]},{\"statement_id\":1,\"series\":[{\"name\":\"measurements\","
                + "\"columns\":[\"name\"],\"values\":[[\"air\"],[\"°C\"]]}]}]}",
                json(List.of(StatementResult.of(0, List.of(databases())),
                        StatementResult.of(1, List.of(measurements())))));
    }

    @Test
    void writesARefusedRequestAsItsErrorAlone() {
        assertEquals("{\"error\":\"" + FOUND_SELEC + "\"}", Answers.error(FOUND_SELEC));
        assertEquals("{\"error\":\"missing required parameter \\\"q\\\"\"}",
                Answers.error("missing required parameter \"q\""));
    }

    @Test
    void escapesAngleBracketsAndAmpersandsAsGoDoes() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\","
                + "\"a\\u003cb\\u0026c\\u003e\"],\"values\":[[\"2026-04-20T08:00:00Z\",19.779411764705884]]}]}]}",
                json(one(air(List.of("time", "a<b&c>"), List.of(row(at(T0), 19.779411764705884))))));
        assertEquals("{\"error\":\"\\u003cscript\\u003e \\\"x\\\" \\\\ \\n\"}", Answers.error("<script> \"x\" \\ \n"));
    }

    @Test
    void writesTimesInTheQuerysZone() {
        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\",\"mean\"],"
                + "\"values\":[[\"2026-04-20T10:00:00+02:00\",18.5625]]}]}]}",
                json(one(air(List.of("time", "mean"),
                        List.of(row(new Time(T0, Optional.of(ZoneId.of("Europe/Berlin"))), 18.5625))))));
    }

    @Test
    void writesTimesAsIntegersInTheEpochUnitWhateverTheZone() {
        List<StatementResult> results = one(air(List.of("time", "mean"), List.of(
                row(new Time(T0, Optional.of(ZoneId.of("Europe/Berlin"))), 18.5625), row(at(T0 + 60 * SECOND),
                        19.0625))));

        assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"air\",\"columns\":[\"time\",\"mean\"],"
                + "\"values\":[[1776672000000,18.5625],[1776672060000,19.0625]]}]}]}",
                Answers.inEpoch("ms").json(results));
    }

    @Test
    void truncatesTimesToTheEpochUnit() {
        List<StatementResult> results = one(air(List.of("time", "value"), List.of(row(at(T0 + 50 * SECOND), 20.5))));

        assertEquals("[[1776672050000000000,20.5]]", values(Answers.inEpoch("ns").json(results)));
        assertEquals("[[1776672050000000,20.5]]", values(Answers.inEpoch("u").json(results)));
        assertEquals("[[1776672050000,20.5]]", values(Answers.inEpoch("ms").json(results)));
        assertEquals("[[1776672050,20.5]]", values(Answers.inEpoch("s").json(results)));
        assertEquals("[[29611200,20.5]]", values(Answers.inEpoch("m").json(results)));
        assertEquals("[[493520,20.5]]", values(Answers.inEpoch("h").json(results)));
    }

    @Test
    void truncatesTowardsZeroBeforeTheEpochAsGoDivides() {
        List<StatementResult> results = one(air(List.of("time", "value"), List.of(row(at(-1_500_000_000L), 1.0))));

        assertEquals("[[-1,1]]", values(Answers.inEpoch("s").json(results)));
    }

    @Test
    void writesNanosecondsForAnUnknownEpoch() {
        List<StatementResult> results = one(air(List.of("time", "value"), List.of(row(at(T0), 20.0))));

        assertEquals("[[1776672000000000000,20]]", values(Answers.inEpoch("x").json(results)));
        assertEquals("[[\"2026-04-20T08:00:00Z\",20]]", values(Answers.inEpoch("").json(results)));
    }

    private static String values(String json) {
        return json.substring(json.indexOf("\"values\":") + 9, json.length() - "}]}]}".length());
    }

    @Test
    void writesCsvWithAHeaderAndARowPerValueTimesInNanoseconds() {
        assertEquals("""
                name,tags,time,mean
                air,,1776672000000000000,18.5625
                air,,1776672060000000000,19.0625
                """, csv(one(mean(Map.of(), List.of(row(at(T0), 18.5625), row(at(T0 + 60 * SECOND), 19.0625))))));
    }

    @Test
    void writesCsvTimesInTheEpochUnitAndNeverInTheZone() {
        List<StatementResult> results = one(mean(Map.of(), List.of(
                row(new Time(T0, Optional.of(ZoneId.of("Europe/Berlin"))), 18.5625))));

        assertEquals("name,tags,time,mean\nair,,1776672000000000000,18.5625\n", csv(results));
        assertEquals("name,tags,time,mean\nair,,1776672000000,18.5625\n", Answers.inEpoch("ms").csv(results));
    }

    @Test
    void writesCsvTagsAsKeyEqualsValueAndNullsAsEmptyFields() {
        assertEquals("""
                name,tags,time,mean
                air,room=a,1776672180000000000,
                air,room=b,1776672180000000000,13.75
                """, csv(one(mean(tags("room", "a"), List.of(row(at(T0 + 180 * SECOND), null))),
                mean(tags("room", "b"), List.of(row(at(T0 + 180 * SECOND), 13.75))))));
    }

    @Test
    void quotesCsvTagsThatHoldCommas() {
        assertEquals("""
                name,tags,time,mean
                °C,"domain=sensor,entity_id=living",0,21.5
                """, csv(one(new ResultSeries("°C", tags("domain", "sensor", "entity_id", "living"),
                List.of("time", "mean"), List.of(row(at(0), 21.5))))));
    }

    @Test
    void quotesCsvFieldsWithQuotesLineBreaksOrLeadingSpaces() {
        assertEquals("name,tags,time,note\n"
                + "air,,0,\"say \"\"hi\"\"\"\n"
                + "air,,0,\"two\nlines\"\n"
                + "air,,0,\" padded\"\n"
                + "air,,0,inner space\n",
                csv(one(air(List.of("time", "note"), List.of(row(at(0), "say \"hi\""), row(at(0), "two\nlines"),
                        row(at(0), " padded"), row(at(0), "inner space"))))));
    }

    /** The tags field is InfluxDB's series key of the tags (models.Tags.HashKey), which escapes ',', ' ' and '='. */
    @Test
    void escapesCsvTagValuesAsInASeriesKey() {
        assertEquals("""
                name,tags,time,mean
                air,"room=a\\,b",0,1
                air,room=living\\ room,0,2
                """, csv(one(mean(tags("room", "a,b"), List.of(row(at(0), 1.0))),
                mean(tags("room", "living room"), List.of(row(at(0), 2.0))))));
    }

    /** models.Tags.HashKey leaves out a tag whose value is empty (a series that lacks a tag grouped by). */
    @Test
    void leavesEmptyTagValuesOutOfCsvTags() {
        assertEquals("""
                name,tags,time,mean
                air,room=a,0,1
                """, csv(one(mean(tags("floor", "", "room", "a"), List.of(row(at(0), 1.0))))));
    }

    /** InfluxDB's CSV writes floats with strconv.FormatFloat(v, 'f', -1, 64): never with an exponent. */
    @Test
    void writesCsvFloatsWithoutAnExponent() {
        assertEquals("""
                name,tags,time,a,b
                air,,0,0.00000015,1000000000000000000000
                """, csv(one(air(List.of("time", "a", "b"), List.of(row(at(0), 1.5e-7, 1e21))))));
    }

    @Test
    void separatesCsvStatementsByABlankLineEachWithItsHeader() {
        assertEquals("""
                name,tags,name
                databases,,golden
                databases,,other

                name,tags,name
                measurements,,air
                measurements,,°C
                """, csv(List.of(StatementResult.of(0, List.of(databases())),
                StatementResult.of(1, List.of(measurements())))));
    }

    @Test
    void leavesFailedAndEmptyStatementsOutOfCsv() {
        assertEquals("", csv(List.of(StatementResult.failed(0, "undefined function foo()"))));
        assertEquals("", csv(List.of(StatementResult.of(0, List.of()))));
        assertEquals("name,tags,name\ndatabases,,golden\ndatabases,,other\n",
                csv(List.of(StatementResult.of(0, List.of()), StatementResult.of(1, List.of(databases())))));
    }

    /** InfluxDB's csvFormatter ends the block and writes a blank line before a header whose columns changed. */
    @Test
    void startsANewCsvBlockWhereTheColumnsChangeWithinAStatement() {
        assertEquals("""
                name,tags,time,value
                air,,0,1

                name,tags,time,hum,value
                water,,0,40,2
                """, csv(one(air(List.of("time", "value"), List.of(row(at(0), 1.0))),
                new ResultSeries("water", Map.of(), List.of("time", "hum", "value"), List.of(row(at(0), 40L, 2.0))))));
    }

    @Test
    void writesARefusedRequestAsCsv() {
        assertEquals("error\n\"" + FOUND_SELEC + "\"\n", Answers.csvError(FOUND_SELEC));
        assertEquals("error\nmissing db\n", Answers.csvError("missing db"));
    }
}
