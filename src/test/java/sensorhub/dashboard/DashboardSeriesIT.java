package sensorhub.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Fixtures;

/**
 * The dashboard's parts that stand on the routes for charts and exports of API.md: the readings chart drawn from
 * {@code GET /api/sensors/{id}/series} (section "Series"), the newest values from {@code GET /api/latest_values}
 * ("Latest values") and the download from {@code Accept: text/csv} on {@code /values} ("CSV"), each checked
 * against what the service answers.
 */
class DashboardSeriesIT extends DashboardTest {

    private static final Map<String, Long> BUCKET_SECONDS = Map.of("PT1S", 1L, "PT10S", 10L, "PT1M", 60L,
            "PT5M", 300L, "PT15M", 900L, "PT1H", 3600L, "PT6H", 21600L, "P1D", 86400L, "P7D", 604800L,
            "P1M", 2592000L);

    @Test
    void drawsTheServicesSeriesAsABandWithTheMeanLine() {
        String sensor = sensorWithWave(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-03T00:00:00Z"), 5);
        signInAsAdmin();
        openSensor(sensor);
        chooseZone("UTC");
        awaitShownReadings();

        WebElement chart = browser.find("#readings-chart");
        Answer series = api.get("sensors/" + sensor + "/series?from=" + browser.find("#range-label").getAttribute("data-from")
                + "&to=" + browser.find("#range-label").getAttribute("data-to") + "&max_buckets="
                + chart.getAttribute("data-max-buckets") + "&zone=UTC");
        assertEquals(200, series.status(), series.body());
        JsonObject answer = series.object();
        assertEquals(answer.getString("bucket"), chart.getAttribute("data-bucket"));
        assertEquals(String.valueOf(answer.getJsonArray("points").size()), chart.getAttribute("data-points"));
        assertEquals("288", chart.getAttribute("data-readings"), "a day of readings every 5 minutes");
    }

    @Test
    void zoomingByDragFetchesFinerBuckets() {
        String sensor = sensorWithWave(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-09T00:00:00Z"), 1);
        signInAsAdmin();
        openSensor(sensor);
        browser.find("#preset-week").click();
        awaitShownReadings();
        String before = browser.find("#readings-chart").getAttribute("data-bucket");

        WebElement plot = browser.find("#readings-chart .u-over");
        int width = plot.getSize().getWidth();
        new Actions(browser.driver()).moveToElement(plot, -width / 4, 0).clickAndHold().moveByOffset(width / 8, 0)
                .release().perform();
        browser.until(d -> text(browser.find("#range-label")).startsWith("Zoomed to"));
        awaitShownReadings();

        String after = browser.find("#readings-chart").getAttribute("data-bucket");
        assertTrue(BUCKET_SECONDS.get(after) < BUCKET_SECONDS.get(before), before + " then " + after);
    }

    @Test
    void leavesGapsOpenAndShowsSingleReadingsAsPoints() {
        String sensor = Fixtures.sensor(api, "C");
        List<String> readings = new ArrayList<>();
        for (int hour : new int[] {0, 1, 2, 3, 10, 11, 12}) {
            readings.add(Fixtures.reading(sensor, "2026-02-01T%02d:00:00Z".formatted(hour), hour));
        }
        assertEquals(201, api.post("sensor_values", Fixtures.readings(readings.toArray(String[]::new))).status());
        signInAsAdmin();
        openSensor(sensor);
        awaitShownReadings();

        WebElement chart = browser.find("#readings-chart");
        assertEquals("true", chart.getAttribute("data-single-points"), "each bucket holds one reading");
        assertTrue(Integer.parseInt(chart.getAttribute("data-gaps")) >= 6, "no line bridges buckets without readings");
    }

    /**
     * A year of a 1 Hz sensor costs the page what any year costs: the series route answers at most max_buckets
     * points, about one per pixel of the chart. A year of readings every 10 minutes stands in for it here.
     */
    @Test
    void drawsAYearAsAboutOnePointPerPixel() {
        String sensor = sensorWithWave(Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), 10);
        signInAsAdmin();
        openSensor(sensor);
        browser.find("#preset-year").click();
        browser.until(d -> "shown".equals(browser.find("#readings-chart").getAttribute("data-state"))
                && text(browser.find("#range-label")).contains("365 days"));

        WebElement chart = browser.find("#readings-chart");
        int maxBuckets = Integer.parseInt(chart.getAttribute("data-max-buckets"));
        assertTrue(maxBuckets <= 1280, "about the chart's width in pixels: " + maxBuckets);
        assertTrue(Integer.parseInt(chart.getAttribute("data-points")) <= maxBuckets);
        // A figure, not a criterion: a test must not fail on a timing of this shared machine (README "Dashboard").
        System.out.printf("DashboardSeriesIT: a year's range (readings every 10 minutes standing in for 1 Hz),"
                + " request to drawn chart: %s ms%n", Long.parseLong(chart.getAttribute("data-render-ms")));
    }

    @Test
    void showsEachSensorsLatestValueAndItsAge() {
        String location = unique("site");
        String sensor = unique("latest");
        assertEquals(201, api.post("sensors", "[{\"id\":\"%s\",\"name\":\"Roof\",\"type\":\"t\",\"unit\":\"hPa\",\"location\":\"%s\"}]"
                .formatted(sensor, location)).status());
        String newest = Instant.now().minusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        api.post("sensor_values", Fixtures.readings(Fixtures.reading(sensor, "2026-01-01T00:00:00Z", 990),
                Fixtures.reading(sensor, newest, 1013.25)));
        signInAsAdmin();
        go("#/");
        browser.find("#filter-location").sendKeys(location);
        String row = "#sensor-table tr[data-sensor-id='" + sensor + "'] ";
        String value = browser.until(d -> (String) browser.js("const cell = document.querySelector(arguments[0]);"
                + "return cell && cell.textContent !== '—' ? cell.textContent : null", row + ".latest-value"));

        assertEquals("1,013.25 hPa", value);
        assertEquals(newest, browser.js("return document.querySelector(arguments[0]).getAttribute('datetime')",
                row + ".latest-age time"));
        String age = (String) browser.js("return document.querySelector(arguments[0]).textContent", row + ".latest-age time");
        assertEquals("2 hours ago", age);
    }

    @Test
    void downloadsTheServicesCsvExport() throws IOException {
        String sensor = Fixtures.sensor(api, "C");
        api.post("sensor_values", Fixtures.readings(Fixtures.reading(sensor, "2026-01-02T00:00:00.123456Z", 1.5),
                Fixtures.reading(sensor, "2026-01-02T12:00:00Z", 3.25)));
        signInAsAdmin();
        openSensor(sensor);
        awaitReadings();
        browser.find("#download-csv").click();
        browser.until(d -> !text(browser.find("#download-status")).isEmpty()
                && !text(browser.find("#download-status")).startsWith("Preparing"));

        assertTrue(text(browser.find("#download-status")).startsWith("Downloaded "), text(browser.find("#download-status")));
        Path file = browser.until(d -> browser.downloaded(sensor + "_"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("sensor_id,creation_date,value", lines.get(0));
        assertEquals(3, lines.stream().filter(line -> !line.isBlank()).count(), lines.toString());
        String reimport = api.post("sensor_values", "text/csv", String.join("\n", lines)).body();
        assertEquals("{\"inserted\":0,\"unchanged\":2}", reimport, "an export re-imports unchanged");
    }

    private void awaitShownReadings() {
        browser.until(d -> "shown".equals(browser.find("#readings-chart").getAttribute("data-state")));
    }
}
