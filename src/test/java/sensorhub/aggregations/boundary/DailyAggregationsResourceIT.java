package sensorhub.aggregations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Fixtures.reading;
import static sensorhub.testing.Fixtures.readings;
import static sensorhub.testing.Fixtures.sensor;
import static sensorhub.testing.Fixtures.sensorAtBothEnds;
import static sensorhub.testing.Fixtures.series;
import static sensorhub.testing.Fixtures.storedReadings;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Database;

class DailyAggregationsResourceIT extends BlackBoxTest {

    static long kept(String sensorId, String day) {
        return Database.number("SELECT COUNT(*) FROM daily_aggregates a JOIN sensors s ON s.sensor_key = a.sensor_key "
                + "WHERE s.id = ? AND a.epoch_day = ? AND a.value_count IS NOT NULL", sensorId,
                java.time.LocalDate.parse(day).toEpochDay());
    }

    @Test
    void answersCountMinQuartilesMaxAndMeanOfADay() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T04:00:00Z", 4),
                reading(sensor, "2026-01-02T01:00:00Z", 1), reading(sensor, "2026-01-02T03:00:00Z", 3),
                reading(sensor, "2026-01-02T02:00:00Z", 2), reading(sensor, "2026-01-03T00:00:00Z", 50)));

        Answer answer = api.get("daily_aggregations/" + sensor + "/2026-01-02");

        assertEquals(200, answer.status(), answer.body());
        JsonObject day = answer.object();
        assertEquals("2026-01-02", day.getString("date"));
        assertEquals(4, day.getInt("count"));
        assertEquals(1.0, day.getJsonNumber("min_val").doubleValue());
        assertEquals(1.75, day.getJsonNumber("q1").doubleValue(), "numpy.percentile([1,2,3,4], 25)");
        assertEquals(2.5, day.getJsonNumber("median").doubleValue());
        assertEquals(3.25, day.getJsonNumber("q3").doubleValue());
        assertEquals(4.0, day.getJsonNumber("max_val").doubleValue());
        assertEquals(2.5, day.getJsonNumber("mean").doubleValue());
        assertEquals("C", day.getString("unit"));
    }

    @Test
    void summarisesTheFirstAndTheLastDayOfTheYearsKept() {
        String sensor = sensorAtBothEnds(api);

        JsonObject first = api.get("daily_aggregations/" + sensor + "/0001-01-01").object();
        JsonObject last = api.get("daily_aggregations/" + sensor + "/9999-12-31").object();
        Answer lastRange = api.get("sensors/" + sensor + "/daily_aggregations?from=9999-12-30&to=9999-12-31");

        assertEquals(List.of(2, 1.0, 2.0), List.of(first.getInt("count"), first.getJsonNumber("min_val").doubleValue(),
                first.getJsonNumber("max_val").doubleValue()));
        assertEquals(List.of(2, 3.0, 4.0), List.of(last.getInt("count"), last.getJsonNumber("min_val").doubleValue(),
                last.getJsonNumber("max_val").doubleValue()));
        assertEquals(200, lastRange.status(), lastRange.body());
        assertEquals(List.of("9999-12-31"), lastRange.array().stream().map(d -> d.asJsonObject().getString("date"))
                .toList());
    }

    @Test
    void answersADayWithoutReadingsWithCountZeroAndNullStatistics() {
        String sensor = sensor(api, "C");

        JsonObject day = api.get("daily_aggregations/" + sensor + "/2026-01-02").object();

        assertEquals(0, day.getInt("count"));
        for (String statistic : List.of("min_val", "q1", "median", "q3", "max_val", "mean")) {
            assertEquals(JsonValue.NULL, day.get(statistic), statistic + " is present and null");
        }
    }

    @Test
    void refusesUnknownSensorsBadDatesAndZones() {
        String sensor = sensor(api, "C");

        assertEquals(404, api.get("daily_aggregations/no-such-sensor/2026-01-02").status());
        assertEquals(400, api.get("daily_aggregations/" + sensor + "/02.01.2026").status());
        assertEquals(400, api.get("daily_aggregations/" + sensor + "/2026-01-02?zone=Nowhere").status());
    }

    @Test
    void keepsADaysStatisticsAndForgetsThemWhenAReadingArrivesForThatDay() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T01:00:00Z", 1),
                reading(sensor, "2026-01-03T01:00:00Z", 10)));
        assertEquals(1, api.get("daily_aggregations/" + sensor + "/2026-01-02").object().getInt("count"));
        assertEquals(1, api.get("daily_aggregations/" + sensor + "/2026-01-03").object().getInt("count"));
        assertEquals(1, kept(sensor, "2026-01-02"));

        api.post("sensor_values", readings(reading(sensor, "2026-01-02T23:59:59.999999Z", 5)));

        assertEquals(0, kept(sensor, "2026-01-02"), "the late reading's day is forgotten");
        assertEquals(1, kept(sensor, "2026-01-03"), "other days stay kept");
        JsonObject day = api.get("daily_aggregations/" + sensor + "/2026-01-02").object();
        assertEquals(2, day.getInt("count"));
        assertEquals(5.0, day.getJsonNumber("max_val").doubleValue());
    }

    @Test
    void forgetsTheKeptDayOfEveryZoneThatAReadingFallsIn() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T12:00:00Z", 1)));
        api.get("daily_aggregations/" + sensor + "/2026-01-02?zone=Pacific/Kiritimati");
        api.get("daily_aggregations/" + sensor + "/2026-01-03?zone=Pacific/Kiritimati");

        api.post("sensor_values", readings(reading(sensor, "2026-01-02T11:00:00Z", 2)));

        assertEquals(2, api.get("daily_aggregations/" + sensor + "/2026-01-03?zone=Pacific/Kiritimati").object()
                .getInt("count"), "11:00Z and 12:00Z are 2026-01-03 at UTC+14");
    }

    @Test
    void deletingASensorDeletesItsReadingsAndKeptStatistics() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-02T01:00:00Z", 1)));
        api.get("daily_aggregations/" + sensor + "/2026-01-02");
        long key = Database.number("SELECT sensor_key FROM sensors WHERE id = ?", sensor);

        assertEquals(204, api.delete("sensors/" + sensor).status());

        assertEquals(0, storedReadings(sensor));
        assertEquals(0, Database.number("SELECT COALESCE(SUM(reading_count), 0) FROM reading_blocks WHERE sensor_key = ?", key));
        assertEquals(0, Database.number("SELECT COUNT(*) FROM daily_aggregates WHERE sensor_key = ?", key));
        assertEquals(404, api.get("daily_aggregations/" + sensor + "/2026-01-02").status());
    }

    @Test
    void answersTheDaysOfARangeThatHaveReadingsInAscendingOrder() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", readings(reading(sensor, "2026-01-05T01:00:00Z", 5),
                reading(sensor, "2026-01-01T01:00:00Z", 1), reading(sensor, "2026-01-03T01:00:00Z", 3),
                reading(sensor, "2026-01-03T02:00:00Z", 4), reading(sensor, "2026-01-06T00:00:00Z", 6)));
        String range = "sensors/" + sensor + "/daily_aggregations?from=2026-01-01&to=2026-01-05";

        Answer first = api.get(range);
        Answer again = api.get(range);

        assertEquals(200, first.status(), first.body());
        assertEquals(List.of("2026-01-01", "2026-01-03", "2026-01-05"), dates(first), "to is inclusive");
        assertEquals(first.body(), again.body(), "kept statistics answer the same");
        assertEquals(2, first.array().getJsonObject(1).getInt("count"));
        assertEquals(3.5, first.array().getJsonObject(1).getJsonNumber("median").doubleValue());
    }

    @Test
    void answersAYearInOneRangeCall() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", series(sensor, Instant.parse("2025-01-01T12:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), 86_400));

        Answer year = api.get("sensors/" + sensor + "/daily_aggregations?from=2025-01-01&to=2025-12-31");

        assertEquals(200, year.status(), year.body());
        assertEquals(365, year.array().size());
        assertEquals(364.0, year.array().getJsonObject(364).getJsonNumber("mean").doubleValue());
    }

    @Test
    void countsTwentyFiveHoursOnTheDayClocksGoBackInTheNamedZone() {
        String sensor = sensor(api, "C");
        api.post("sensor_values", series(sensor, Instant.parse("2026-10-24T20:00:00Z"),
                Instant.parse("2026-10-26T03:00:00Z"), 3600));

        JsonObject berlin = api.get("daily_aggregations/" + sensor + "/2026-10-25?zone=Europe/Berlin").object();
        Answer range = api.get("sensors/" + sensor + "/daily_aggregations?from=2026-10-24&to=2026-10-26"
                + "&zone=Europe/Berlin");

        assertEquals(25, berlin.getInt("count"));
        assertEquals(List.of(2, 25, 4), range.array().stream().map(d -> d.asJsonObject().getInt("count")).toList());
    }

    @Test
    void refusesRangesBackwardsOrLongerThanTheLimit() {
        String sensor = sensor(api, "C");
        String range = "sensors/" + sensor + "/daily_aggregations";

        assertEquals(400, api.get(range + "?from=2026-01-02&to=2026-01-01").status());
        assertEquals(400, api.get(range + "?from=2024-01-01&to=2025-01-01").status(), "367 days");
        assertEquals(400, api.get(range + "?from=2026-01-01").status());
        assertTrue(api.get(range + "?from=2025-01-01&to=2025-12-31").status() == 200);
    }

    private static List<String> dates(Answer answer) {
        return answer.array().stream().map(d -> d.asJsonObject().getString("date")).toList();
    }
}
