package sensorhub.readings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.InvalidJsonException;
import sensorhub.problems.control.RejectedException.Field;
import sensorhub.problems.control.RejectedException.Reason;
import sensorhub.problems.control.RejectedException;

class ReadingBatchParserTest {

    private static final int MAX_BATCH = 1_000;

    @Test
    void readsAJsonArrayOfReadings() {
        ReadingBatch batch = json("""
                [{"sensor_id": "kitchen", "creation_date": "2026-01-02T03:04:05.000001Z", "value": 21.5},
                 {"sensor_id": "cellar", "creation_date": "2026-01-02T05:04:05+02:00", "value": -3},
                 {"sensor_id": "kitchen", "creation_date": "2026-01-02T03:04:06", "value": 1E2}]
                """);

        assertEquals(3, batch.size());
        assertEquals(List.of("kitchen", "cellar"), batch.sensorIds());
        assertReading(batch, 0, "kitchen", "2026-01-02T03:04:05.000001Z", 21.5);
        assertReading(batch, 1, "cellar", "2026-01-02T03:04:05Z", -3);
        assertReading(batch, 2, "kitchen", "2026-01-02T03:04:06Z", 100);
    }

    @Test
    void readsEveryFormOfOneSensorsMessageKeepingTheSignOfZero() {
        long received = 1_767_323_045_000_001L;
        ReadingBatch bare = ReadingBatchParser.ofSensor(body(" -0.0 "), "k", received, MAX_BATCH);
        ReadingBatch one = ReadingBatchParser.ofSensor(body("""
                {"creation_date": "2026-01-02T03:04:05Z", "value": -0, "sensor_id": "k"}"""), "k", 0, MAX_BATCH);
        ReadingBatch many = ReadingBatchParser.ofSensor(body("""
                [{"creation_date": "2026-01-02T03:04:05Z", "value": 1}, {"value": 2.5,
                  "creation_date": "2026-01-02T03:04:06Z"}]"""), "k", 0, MAX_BATCH);

        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(bare.value(0)));
        assertEquals(received, bare.micros(0));
        assertReading(one, 0, "k", "2026-01-02T03:04:05Z", -0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(one.value(0)));
        assertReading(many, 1, "k", "2026-01-02T03:04:06Z", 2.5);
    }

    @Test
    void refusesAnotherSensorsIdInOneSensorsMessage() {
        var thrown = assertThrows(InvalidReadingsException.class, () -> ReadingBatchParser.ofSensor(body("""
                [{"sensor_id": "other", "creation_date": "2026-01-02T03:04:05Z", "value": 1}, "x"]"""), "k", 0,
                MAX_BATCH));

        assertEquals(List.of(new Field("[0].sensor_id", "must be the topic's sensor id, or left out"),
                new Field("[1]", "must be an object {sensor_id, creation_date, value}")), thrown.fields());
    }

    @Test
    void ignoresUnknownFields() {
        ReadingBatch batch = json("""
                [{"note": "x", "sensor_id": "kitchen", "extra": {"value": "nested"}, "tags": [1, [2]],
                  "creation_date": "2026-01-02T03:04:05Z", "value": 21.5, "unit": null}]
                """);

        assertEquals(1, batch.size());
        assertReading(batch, 0, "kitchen", "2026-01-02T03:04:05Z", 21.5);
    }

    @Test
    void namesEveryBadItemByIndexAndField() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json("""
                [{"sensor_id": "kitchen", "creation_date": "2026-01-02T03:04:05Z", "value": "21.5"},
                 {"sensor_id": "kitchen", "creation_date": "yesterday", "value": 21.5},
                 {"creation_date": "2026-01-02T03:04:05Z", "value": 21.5},
                 42,
                 {"sensor_id": "kitchen", "creation_date": "2026-01-02T03:04:05Z", "value": 21.5}]
                """));

        assertEquals(Reason.INVALID, thrown.reason());
        assertEquals(List.of("[0].value", "[1].creation_date", "[2].sensor_id", "[3]"), fields(thrown));
    }

    @Test
    void rejectsFieldsOfTheWrongJsonType() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json("""
                [{"sensor_id": 7, "creation_date": 1767323045, "value": [21.5]}]
                """));

        assertEquals(List.of("[0].sensor_id", "[0].creation_date", "[0].value"), fields(thrown));
    }

    @Test
    void rejectsNullFields() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json("""
                [{"sensor_id": null, "creation_date": null, "value": null}]
                """));

        assertEquals(List.of("[0].sensor_id", "[0].creation_date", "[0].value"), fields(thrown));
    }

    @Test
    void rejectsArraysAndStringsAsItems() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json("""
                [["kitchen", "2026-01-02T03:04:05Z", 21.5], "kitchen"]
                """));

        assertEquals(List.of("[0]", "[1]"), fields(thrown));
    }

    @Test
    void rejectsASensorIdLongerThan90Characters() {
        String id = "s".repeat(91);

        RejectedException thrown = assertThrows(RejectedException.class, () -> json(
                "[{\"sensor_id\": \"" + id + "\", \"creation_date\": \"2026-01-02T03:04:05Z\", \"value\": 1}]"));

        assertEquals(List.of("[0].sensor_id"), fields(thrown));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-1e999"})
    void rejectsValuesBeyondTheRangeOfADouble(String value) {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json(
                "[{\"sensor_id\": \"kitchen\", \"creation_date\": \"2026-01-02T03:04:05Z\", \"value\": " + value
                        + "}]"));

        assertEquals(List.of(new Field("[0].value", "must be a finite number")),
                thrown.fields());
    }

    @Test
    void acceptsTimestampsUpToTheYear9999() {
        ReadingBatch batch = json("""
                [{"sensor_id": "kitchen", "creation_date": "9999-12-31T23:59:59Z", "value": 1}]
                """);

        assertEquals(253_402_300_799_000_000L, batch.micros(0));
    }

    @Test
    void acceptsExactlyTheLimit() {
        assertEquals(2, json(2, "[" + reading("a") + "," + reading("b") + "]").size());
    }

    @Test
    void refusesMoreItemsThanTheLimitAsTooLarge() {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> json(2, "[" + reading("a") + "," + reading("b") + "," + reading("c") + "]"));

        assertEquals(Reason.TOO_LARGE, thrown.reason());
    }

    @Test
    void refusesAnEmptyArray() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json("[]"));

        assertEquals(Reason.INVALID, thrown.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sensor_id\": \"a\", \"creation_date\": \"2026-01-02T03:04:05Z\", \"value\": 1}",
            "\"readings\"", "42", "null"})
    void refusesABodyThatIsNotAnArray(String body) {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json(body));

        assertEquals(Reason.INVALID, thrown.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"sensor_id\": \"a\",", "[{\"sensor_id\" \"a\"}]", "[{sensor_id: \"a\"}]",
            "[{\"sensor_id\": \"a\"},]"})
    void failsOnMalformedJson(String body) {
        assertThrows(InvalidJsonException.class, () -> json(body));
    }

    /** Parsson's skipArray and skipObject loop forever at the end of input (eclipse-ee4j/parsson#23). */
    @ParameterizedTest
    @ValueSource(strings = {"[[", "[{\"sensor_id\":\"x\",\"x\":[", "[{\"x\":{\"y\":", "[1, [2, {"})
    void failsAtOnceOnBodiesThatEndInsideANestedValue(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(InvalidJsonException.class, () -> json(body)));
    }

    @Test
    void refusesNestingDeeperThanAnyReading() {
        String deep = "[".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(InvalidJsonException.class, () -> json(deep)));
        assertThrows(InvalidJsonException.class, () -> json("[" + "[".repeat(40) + "]".repeat(41)));
    }

    @Test
    void refusesAFieldGivenTwice() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> json(
                "[{\"sensor_id\": \"a\", \"creation_date\": \"2026-01-02T03:04:05Z\", \"value\": 1, \"value\": 2}]"));
        assertEquals(List.of("[0].value"), fields(thrown));
    }

    @Test
    void refusesBytesThatAreNotUtf8AndLoneSurrogates() {
        byte[] latin1 = "[{\"sensor_id\": \"caf\u00e9\", \"creation_date\": \"2026-01-02T03:04:05Z\", \"value\": 1}]"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(InvalidJsonException.class, () -> ReadingBatchParser.json(new ByteArrayInputStream(latin1), 10));
        assertThrows(InvalidJsonException.class, () -> json(
                "[{\"sensor_id\": \"a\\ud800\", \"creation_date\": \"2026-01-02T03:04:05Z\", \"value\": 1}]"));
    }

    @Test
    void refusesControlCharactersInAJsonSensorIdNamingTheField() {
        for (String control : List.of("\\u0000", "\\u0001", "\\t", "\\n", "\\u007f", "\\u0085", "\\u009f")) {
            RejectedException thrown = assertThrows(RejectedException.class,
                    () -> json("[" + reading("a") + "," + reading("a" + control) + "]"), control);

            assertEquals(List.of("[1].sensor_id"), fields(thrown), control);
            assertEquals(Reason.INVALID, thrown.reason());
        }
    }

    @Test
    void refusesControlCharactersAroundAJsonTimestampButPassesOverSpacesAndTabs() {
        for (String control : List.of("\\u0000", "\\n", "\\r", "\\u000b", "\\u001f", "\\u0085")) {
            RejectedException thrown = assertThrows(RejectedException.class, () -> json("[{\"sensor_id\": \"a\", "
                    + "\"creation_date\": \"2026-01-02T03:04:05Z" + control + "\", \"value\": 1}]"), control);

            assertEquals(List.of("[0].creation_date"), fields(thrown), control);
        }
        ReadingBatch batch = json(
                "[{\"sensor_id\": \"a\", \"creation_date\": \" \\t2026-01-02T03:04:05Z \", \"value\": 1}]");
        assertReading(batch, 0, "a", "2026-01-02T03:04:05Z", 1);
    }

    @Test
    void refusesControlCharactersInCsvFieldsNamingEach() {
        for (String control : List.of("\u0000", "\u0001", "\u000b", "\f", "\u001f", "\u007f", "\u0085")) {
            RejectedException thrown = assertThrows(RejectedException.class, () -> csv(
                    "sensor_id,creation_date,value\n"
                    + "kitchen,2026-01-02T03:04:05Z,21.5" + control + "\n"
                    + "kitchen,2026-01-02T03:04:06Z" + control + ",21.5\n"
                    + control + "kitchen,2026-01-02T03:04:07Z,21.5\n"
                    + "kitchen," + control + "2026-01-02T03:04:08Z,21.5\n"
                    + "kitchen,2026-01-02T03:04:09Z," + control + "21.5\n"),
                    () -> "U+" + Integer.toHexString(control.charAt(0)));

            assertEquals(List.of("[0].value", "[1].creation_date", "[2].sensor_id", "[3].creation_date", "[4].value"),
                    fields(thrown), () -> "U+" + Integer.toHexString(control.charAt(0)));
        }
    }

    @Test
    void refusesLineBreaksInsideQuotedCsvFields() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> csv("sensor_id,creation_date,value\n"
                + "kitchen,\"2026-01-02T03:04:05Z\r\n\",21.5\nkitchen,2026-01-02T03:04:06Z,\"21.5\n\"\n"
                + "\"two\nlines\",2026-01-02T03:04:07Z,21.5\n"));

        assertEquals(List.of("[0].creation_date", "[1].value", "[2].sensor_id"), fields(thrown));
    }

    @Test
    void passesOverOnlySpacesAndTabsAroundCsvTimesAndValues() {
        ReadingBatch batch = csv("sensor_id,creation_date,value\nkitchen, \t2026-01-02T03:04:05Z\t ,\t 21.5 \t\n");

        assertReading(batch, 0, "kitchen", "2026-01-02T03:04:05Z", 21.5);
    }

    @Test
    void keepsNegativeZeroBitForBit() {
        for (String zero : List.of("-0", "-0.0", "-0e0", "-0.000E+5", "-1e-400")) {
            ReadingBatch fromJson = json("[" + reading("a").replace("\"value\": 1", "\"value\": " + zero) + "]");
            ReadingBatch fromCsv = csv("sensor_id,creation_date,value\na,2026-01-02T03:04:05Z," + zero + "\n");

            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(fromJson.value(0)), zero);
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(fromCsv.value(0)), zero);
        }
        assertEquals(0L, Double.doubleToRawLongBits(json("[" + reading("a").replace("\"value\": 1", "\"value\": 0")
                + "]").value(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"] trailing", " {}", "[]"})
    void failsOnTextAfterTheArray(String trailing) {
        assertThrows(InvalidJsonException.class, () -> json("[" + reading("a") + "]" + trailing));
    }

    @Test
    void readsCsvWithTheColumnsInAnyOrder() {
        ReadingBatch batch = csv("""
                value,sensor_id,creation_date
                21.5,kitchen,2026-01-02T03:04:05.000001Z
                -3,cellar,2026-01-02T05:04:05+02:00
                """);

        assertEquals(2, batch.size());
        assertReading(batch, 0, "kitchen", "2026-01-02T03:04:05.000001Z", 21.5);
        assertReading(batch, 1, "cellar", "2026-01-02T03:04:05Z", -3);
    }

    @Test
    void readsQuotedCsvFieldsAsRfc4180SaysAndKeepsIdsExact() {
        ReadingBatch batch = csv("sensor_id,creation_date,value\n"
                + "\"lab, \"\"north\"\"\",2026-01-02T03:04:05Z,1.5\n"
                + "\"two,parts\", 2026-01-02T03:04:06Z , 2\n"
                + "trailing ,2026-01-02T03:04:07Z,3\n");

        assertEquals(List.of("lab, \"north\"", "two,parts", "trailing "), batch.sensorIds());
        assertReading(batch, 1, "two,parts", "2026-01-02T03:04:06Z", 2);
    }

    @Test
    void refusesCsvThatIsNotRfc4180() {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv("sensor_id,creation_date,value\n\"open,2026-01-02T03:04:05Z,1\n"));
        assertEquals(Reason.INVALID, thrown.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kitchen,2026-01-02T03:04:05Z,\"21.5", "kitchen,2026-01-02T03:04:05Z,\"21.5\n",
            "\"kitchen\"\",2026-01-02T03:04:05Z,21.5\n", "kitchen,2026-01-02T03:04:05Z,21.5\n\"",
            "kitchen,2026-01-02T03:04:05Z,\"21.5\"\""})
    void refusesACsvQuoteLeftOpenAtTheEnd(String lines) {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv("sensor_id,creation_date,value\n" + lines));
        assertEquals(Reason.INVALID, thrown.reason());
        assertTrue(thrown.getMessage().contains("a quoted field is not closed"), thrown.getMessage());
    }

    @Test
    void saysWhereAndWhatTheCsvBreaks() {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv("sensor_id,creation_date,value\n\"kitchen\" ,2026-01-02T03:04:05Z,21.5\n"));
        assertTrue(thrown.getMessage().contains("line 2") && thrown.getMessage().contains("after closing quote"),
                thrown.getMessage());
    }

    @Test
    void refusesACsvHeaderWithAQuoteLeftOpen() {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv("\"sensor_id,creation_date,value\nkitchen,2026-01-02T03:04:05Z,21.5\n"));
        assertTrue(thrown.getMessage().contains("a quoted field is not closed"), thrown.getMessage());
    }

    @Test
    void readsAQuotedLastFieldClosedAtTheVeryEnd() {
        ReadingBatch batch = csv("sensor_id,creation_date,value\n\"kit\"\"chen\",2026-01-02T03:04:05Z,\"21.5\"");

        assertReading(batch, 0, "kit\"chen", "2026-01-02T03:04:05Z", 21.5);
    }

    @Test
    void readsALineOfNulAsAnItemLikeAnyOther() {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv("sensor_id,creation_date,value\nkitchen,2026-01-02T03:04:05Z,21.5\n\u0000\n"));
        assertEquals(List.of("[1]"), fields(thrown));
    }

    @Test
    void skipsBlankCsvLines() {
        ReadingBatch batch = csv("""
                sensor_id,creation_date,value

                kitchen,2026-01-02T03:04:05Z,21.5
                \t
                cellar,2026-01-02T03:04:06Z,-3

                """);

        assertEquals(2, batch.size());
        assertReading(batch, 1, "cellar", "2026-01-02T03:04:06Z", -3);
    }

    @Test
    void leavesBlankCsvLinesOutOfTheItemIndex() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> csv("""
                sensor_id,creation_date,value

                kitchen,2026-01-02T03:04:05Z,21.5

                kitchen,yesterday,21.5
                """));

        assertEquals(List.of("[1].creation_date"), fields(thrown));
    }

    @Test
    void acceptsAByteOrderMarkAndWindowsLineEnds() {
        ReadingBatch batch = csv("\uFEFFsensor_id,creation_date,value\r\nkitchen,2026-01-02T03:04:05Z,21.5\r\n");

        assertEquals(1, batch.size());
        assertReading(batch, 0, "kitchen", "2026-01-02T03:04:05Z", 21.5);
    }

    @Test
    void namesCsvLinesWithTheWrongNumberOfFields() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> csv("""
                sensor_id,creation_date,value
                kitchen,2026-01-02T03:04:05Z
                kitchen,2026-01-02T03:04:05Z,21.5,extra
                kitchen,2026-01-02T03:04:05Z,21.5
                """));

        assertEquals(Reason.INVALID, thrown.reason());
        assertEquals(List.of("[0]", "[1]"), fields(thrown));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "warm", ""})
    void rejectsCsvValuesThatAreNotFiniteNumbers(String value) {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv("sensor_id,creation_date,value\nkitchen,2026-01-02T03:04:05Z," + value + "\n"));

        assertEquals(List.of("[0].value"), fields(thrown));
    }

    @ParameterizedTest
    @ValueSource(strings = {"21.5d", "21.5f", "0x1p3"})
    void rejectsCsvValuesInJavaOnlyNumberForms(String value) {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv("sensor_id,creation_date,value\nkitchen,2026-01-02T03:04:05Z," + value + "\n"));

        assertEquals(List.of("[0].value"), fields(thrown));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sensor,date,value", "sensor_id,creation_date", "sensor_id,creation_date,value,unit",
            "sensor_id,sensor_id,value", "kitchen,2026-01-02T03:04:05Z,21.5"})
    void refusesCsvWithoutTheHeader(String header) {
        RejectedException thrown = assertThrows(RejectedException.class,
                () -> csv(header + "\nkitchen,2026-01-02T03:04:05Z,21.5\n"));

        assertEquals(Reason.INVALID, thrown.reason());
    }

    @Test
    void refusesAnEmptyCsvBody() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> csv(""));

        assertEquals(Reason.INVALID, thrown.reason());
    }

    @Test
    void refusesCsvWithOnlyTheHeader() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> csv("sensor_id,creation_date,value\n"));

        assertEquals(Reason.INVALID, thrown.reason());
    }

    @Test
    void refusesMoreCsvLinesThanTheLimitAsTooLarge() {
        RejectedException thrown = assertThrows(RejectedException.class, () -> ReadingBatchParser.csv(body("""
                sensor_id,creation_date,value
                a,2026-01-02T03:04:05Z,1
                b,2026-01-02T03:04:05Z,2
                """), 1));

        assertEquals(Reason.TOO_LARGE, thrown.reason());
    }

    private static ReadingBatch json(String body) {
        return json(MAX_BATCH, body);
    }

    private static ReadingBatch json(int maxBatch, String body) {
        return ReadingBatchParser.json(body(body), maxBatch);
    }

    private static ReadingBatch csv(String body) {
        return ReadingBatchParser.csv(body(body), MAX_BATCH);
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String reading(String sensorId) {
        return "{\"sensor_id\": \"" + sensorId + "\", \"creation_date\": \"2026-01-02T03:04:05Z\", \"value\": 1}";
    }

    private static void assertReading(ReadingBatch batch, int i, String sensorId, String instant, double value) {
        Instant expected = Instant.parse(instant);
        assertEquals(sensorId, batch.sensorIds().get(batch.sensorOf(i)));
        assertEquals(expected.getEpochSecond() * 1_000_000L + expected.getNano() / 1_000, batch.micros(i));
        assertEquals(value, batch.value(i));
    }

    private static List<String> fields(RejectedException thrown) {
        return thrown.fields().stream().map(Field::name).toList();
    }

    /** The grammar of CSV values as a regular expression, which {@link ReadingBatchParser#isDecimal} checks by hand. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Test
    void checksCsvValuesByHandAsTheDecimalGrammarSays() {
        String alphabet = "0123456789+-.eE x";
        Random random = new Random(20261201);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(9); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertEquals(DECIMAL.matcher(value).matches(), ReadingBatchParser.isDecimal(value), value);
        }
        for (String decimal : List.of("5", "-5.", ".5", "+0.25e-3", "1E9", "007")) {
            assertEquals(true, ReadingBatchParser.isDecimal(decimal), decimal);
        }
        for (String other : List.of("", ".", "+", "e5", "1e", "1e+", "0x1p3", "2d", "NaN", "1.2.3", "١")) {
            assertEquals(false, ReadingBatchParser.isDecimal(other), other);
        }
    }
}
