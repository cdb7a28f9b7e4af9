package sensorhub.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import sensorhub.testing.Api;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Fixtures;

/**
 * The dashboard in a real browser: signing in, what an error means, the box plot and table of daily statistics,
 * keys, uploads, sensors, the CSV download's content. The readings chart, the latest values and the export's
 * round trip are in {@link DashboardSeriesIT}.
 */
class DashboardIT extends DashboardTest {

    private static final List<String> FIVE_NUMBERS_AND_MEAN = List.of("min", "q1", "median", "q3", "max", "mean");
    private static final Map<String, String> API_NAMES = Map.of("min", "min_val", "q1", "q1", "median", "median",
            "q3", "q3", "max", "max_val", "mean", "mean");

    @Test
    void servesThePageWithoutAKeyUnderAPolicyWithoutInlineCode() {
        Answer page = api.as(null).page("");

        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("js/app.js"), page.body());
        String policy = page.header("Content-Security-Policy");
        assertNotNull(policy);
        assertTrue(policy.contains("default-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertTrue(api.as(null).page("api-docs/").header("Content-Security-Policy").contains("style-src 'self' 'unsafe-inline'"),
                "Swagger UI keeps its inline styles");
        assertEquals(200, api.as(null).page("js/api.js").status());
        assertEquals(200, api.as(null).page("css/dashboard.css").status());
        assertEquals(200, api.as(null).page("webjars/uplot/1.6.30/dist/uPlot.esm.js").status());
    }

    @Test
    void refusesAnUnknownKeyAndSaysWhatA401Means() {
        signIn("no-such-key-" + unique("k"));

        WebElement problem = browser.shown("#sign-in-problem .problem");
        assertEquals("401", problem.getAttribute("data-status"));
        assertTrue(text(problem).contains("The API key is unknown or revoked."), text(problem));
        assertTrue(text(problem).contains("does not know this API key, or it has been revoked"), text(problem));
        assertEquals("false", browser.find("body").getAttribute("data-signed-in"));
        assertEquals(null, browser.js("return sessionStorage.getItem('sensorhub.api-key')"));
    }

    @Test
    void keepsTheKeyForTheTabUnlessAskedToRememberIt() {
        signInAsAdmin();
        assertEquals(Api.ADMIN_KEY, browser.js("return sessionStorage.getItem('sensorhub.api-key')"));
        assertEquals(null, browser.js("return localStorage.getItem('sensorhub.api-key')"));
        browser.find("#sign-out").click();
        assertEquals(null, browser.js("return sessionStorage.getItem('sensorhub.api-key')"));

        browser.find("#api-key").sendKeys(Api.ADMIN_KEY);
        browser.find("#remember").click();
        browser.find("#sign-in-button").click();
        browser.until(d -> "true".equals(browser.find("body").getAttribute("data-signed-in")));
        assertEquals(Api.ADMIN_KEY, browser.js("return localStorage.getItem('sensorhub.api-key')"));
        browser.open(base.toString());
        browser.until(d -> "true".equals(browser.find("body").getAttribute("data-signed-in")));
        browser.find("#sign-out").click();
        assertEquals(null, browser.js("return localStorage.getItem('sensorhub.api-key')"));
    }

    @Test
    void zoomsInAndBackFromTheKeyboard() {
        String sensor = sensorWithWave(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"), 10);
        signInAsAdmin();
        openSensor(sensor);
        awaitReadings();
        String to = browser.find("#range-label").getAttribute("data-to");
        assertEquals("2026-01-01T23:50:00.001Z", to);

        browser.find("#zoom-in").sendKeys(Keys.ENTER);
        browser.until(d -> text(browser.find("#range-label")).startsWith("Zoomed to"));
        assertEquals("2026-01-01T05:50:00.001Z", browser.find("#range-label").getAttribute("data-from"));
        assertEquals("2026-01-01T17:50:00.001Z", browser.find("#range-label").getAttribute("data-to"));
        browser.find("#zoom-reset").sendKeys(Keys.ENTER);
        browser.until(d -> text(browser.find("#range-label")).startsWith("Showing"));
        assertEquals(to, browser.find("#range-label").getAttribute("data-to"));
    }

    @Test
    void explainsA403ForAKeyWithoutThePermission() throws IOException {
        String readOnly = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"read\"]}".formatted(unique("reader")))
                .object().getString("key");
        String sensor = Fixtures.sensor(api, "C");
        signIn(readOnly);
        browser.until(d -> "true".equals(browser.find("body").getAttribute("data-signed-in")));
        assertEquals("false", browser.find("body").getAttribute("data-admin"));
        assertFalse(browser.find("#nav-keys").isDisplayed(), "no key management for a key without admin");

        go("#/upload");
        upload("sensor_id,creation_date,value\n" + sensor + ",2026-01-02T00:00:00Z,1\n");

        WebElement problem = browser.shown("#upload-result .problem");
        assertEquals("403", problem.getAttribute("data-status"));
        assertTrue(text(problem).contains("lacks the 'write' permission"), text(problem));
        assertTrue(text(problem).contains("knows this API key, but the key lacks the permission"), text(problem));
    }

    @Test
    void explainsA404ForASensorDeletedWhileItIsShown() {
        String sensor = sensorWithWave(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"), 10);
        signInAsAdmin();
        openSensor(sensor);
        awaitReadings();
        assertEquals(204, api.delete("sensors/" + sensor).status());

        browser.find("#zoom-in").sendKeys(Keys.ENTER);
        browser.until(d -> "failed".equals(browser.find("#readings-chart").getAttribute("data-state")));
        WebElement problem = browser.shown("#readings-chart .problem");
        assertEquals("404", problem.getAttribute("data-status"));
        assertTrue(text(problem).contains("No sensor has the id '" + sensor + "'."), text(problem));
        assertTrue(text(problem).contains("the item may have been deleted"), text(problem));
    }

    @Test
    void opensASensorOnItsLatestReadingWithTheBoxPlotOfTheApisDailyAggregations() {
        String sensor = sensorWithWave(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-09T00:00:00Z"), 10);
        signInAsAdmin();
        openSensor(sensor);
        chooseZone("UTC");
        browser.find("#preset-week").click();
        browser.until(d -> "2026-01-01".equals(browser.find("#box-plot").getAttribute("data-from"))
                && "shown".equals(browser.find("#box-plot").getAttribute("data-state")));

        assertTrue(text(browser.find("#latest-reading")).contains("2026-01-08 23:50:00 UTC"),
                "the newest reading and how old it is: " + text(browser.find("#latest-reading")));
        assertEquals("2026-01-08T23:50:00.001Z", browser.find("#range-label").getAttribute("data-to"),
                "the range ends at the newest reading, not at the clock");
        assertEquals("2026-01-08", browser.find("#box-plot").getAttribute("data-to"));
        JsonArray expected = api.get("sensors/" + sensor + "/daily_aggregations?from=2026-01-01&to=2026-01-08&zone=UTC").array();
        JsonArray drawn = boxes();
        assertEquals(8, expected.size());
        assertEquals(expected.size(), drawn.size(), drawn.toString());
        for (int i = 0; i < expected.size(); i++) {
            JsonObject day = expected.getJsonObject(i);
            JsonObject box = drawn.getJsonObject(i);
            assertEquals(day.getString("date"), box.getString("date"));
            for (String number : FIVE_NUMBERS_AND_MEAN) {
                assertEquals(day.getJsonNumber(API_NAMES.get(number)).doubleValue(), box.getJsonNumber(number).doubleValue(),
                        number + " of " + day.getString("date"));
            }
        }
        awaitReadings();
        assertEquals("shown", browser.find("#readings-chart").getAttribute("data-state"));
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot(Browser.TARGET.resolve("dashboard.png"));
        List<String> complaints = browser.console().stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Uncaught")).toList();
        assertEquals(List.of(), complaints, "the page runs under its policy without errors");
    }

    @Test
    void listsTheDailyStatisticsOfTheChosenZoneInATable() {
        String sensor = sensorWithWave(Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"), 30);
        signInAsAdmin();
        openSensor(sensor);
        chooseZone("Europe/Berlin");
        browser.find("#preset-week").click();
        browser.until(d -> "2026-03-24".equals(browser.find("#box-plot").getAttribute("data-from"))
                && "shown".equals(browser.find("#box-plot").getAttribute("data-state")));

        JsonArray expected = api.get("sensors/" + sensor
                + "/daily_aggregations?from=2026-03-24&to=2026-03-31&zone=Europe/Berlin").array();
        List<WebElement> rows = browser.all("#daily-table tbody tr");
        assertEquals(expected.size(), rows.size());
        assertEquals("2026-03-29", expected.getJsonObject(2).getString("date"));
        assertEquals(46, expected.getJsonObject(2).getInt("count"), "a 23-hour day in Berlin");
        for (int i = 0; i < expected.size(); i++) {
            JsonObject day = expected.getJsonObject(i);
            WebElement row = rows.get(i);
            assertEquals(day.getString("date"), row.getAttribute("data-date"));
            assertEquals(String.valueOf(day.getInt("count")), row.findElement(
                    org.openqa.selenium.By.cssSelector("td[data-field=count]")).getAttribute("data-value"));
            for (String field : List.of("min_val", "q1", "median", "q3", "max_val", "mean")) {
                String shown = row.findElement(org.openqa.selenium.By.cssSelector("td[data-field=" + field + "]"))
                        .getAttribute("data-value");
                assertEquals(day.getJsonNumber(field).doubleValue(), Double.parseDouble(shown), field + " of " + day);
            }
        }
    }

    @Test
    void createsAKeyShowsItsSecretOnceAndRevokesIt() {
        String name = unique("from-page");
        signInAsAdmin();
        go("#/keys");
        browser.find("#key-name").sendKeys(name);
        browser.find("#permission-write").click();
        browser.find("#create-key button[type=submit]").click();

        String secret = text(browser.shown("#new-key-secret"));
        assertFalse(secret.isEmpty());
        assertTrue(browser.shown("#copy-key").isEnabled());
        assertEquals(200, api.as(secret).get("sensors?limit=1").status(), "the secret shown works");
        WebElement row = browser.until(d -> d.findElements(org.openqa.selenium.By.cssSelector(
                "#key-table tr[data-key-name='" + name + "']")).stream().findFirst().orElse(null));
        assertTrue(text(row).contains("read, write"), text(row));
        assertFalse(browser.find("#key-table").getText().contains(secret), "the list never shows a secret");

        WebElement revoke = row.findElement(org.openqa.selenium.By.cssSelector("button.danger"));
        revoke.click();
        assertEquals("Confirm revoke", text(revoke));
        revoke.click();
        browser.until(d -> text(browser.find("#keys-status")).contains("revoked"));

        assertEquals(401, api.as(secret).get("sensors?limit=1").status(), "the revoked key fails at once");
        assertTrue(browser.all("#key-table tr[data-key-name='" + name + "']").isEmpty());
    }

    @Test
    void showsTheLinesAnUploadWasRefusedFor() throws IOException {
        String sensor = Fixtures.sensor(api, "C");
        signInAsAdmin();
        go("#/upload");
        upload(String.join("\n", "sensor_id,creation_date,value", sensor + ",2026-01-02T00:00:00Z,1", "",
                sensor + ",2026-01-02T00:01:00Z,abc", sensor + ",yesterday,2", ""));

        WebElement problem = browser.shown("#upload-result .problem");
        assertEquals("400", problem.getAttribute("data-status"));
        WebElement value = browser.shown("#upload-errors tr[data-item='1']");
        assertEquals("4", value.getAttribute("data-line"), "item 1 is on line 4, after a blank line");
        assertTrue(text(value).contains(sensor + ",2026-01-02T00:01:00Z,abc"), text(value));
        assertTrue(text(value).contains("value: must be a finite number"), text(value));
        WebElement date = browser.find("#upload-errors tr[data-item='2']");
        assertEquals("5", date.getAttribute("data-line"));
        assertTrue(text(date).contains("creation_date"), text(date));
        assertEquals(0, Fixtures.storedReadings(sensor));
    }

    @Test
    void storesAnUploadedCsv() throws IOException {
        String sensor = Fixtures.sensor(api, "C");
        signInAsAdmin();
        go("#/upload");
        upload("sensor_id,creation_date,value\r\n" + sensor + ",2026-01-02T00:00:00Z,1.5\r\n" + sensor
                + ",2026-01-02T00:01:00Z,2\r\n");

        assertTrue(text(browser.shown("#upload-outcome")).startsWith("Stored: 2 new readings, 0 unchanged"));
        assertEquals(2, Fixtures.storedReadings(sensor));
    }

    @Test
    void registersAndEditsASensor() {
        String id = unique("page-sensor");
        signInAsAdmin();
        go("#/sensors/new");
        fill("#sensor-id", "has space");
        fill("#sensor-name", "Cellar air");
        fill("#sensor-type", "temperature");
        fill("#sensor-unit", "°C");
        browser.find("#sensor-form button[type=submit]").click();
        assertTrue(text(browser.shown("#sensor-id-error")).contains("must not contain white space"));
        assertEquals("true", browser.find("#sensor-id").getAttribute("aria-invalid"));

        fill("#sensor-id", id);
        fill("#sensor-location", "cellar");
        fill("#sensor-retention", "90 days");
        browser.find("#sensor-form button[type=submit]").click();
        assertTrue(text(browser.shown("#sensor-retention-error")).contains("ISO-8601 duration"));
        fill("#sensor-retention", "P90D");
        browser.find("#sensor-form button[type=submit]").click();
        browser.until(d -> text(browser.shown("#sensor-title")).equals("Cellar air"));
        browser.until(d -> text(browser.shown("#retention")).startsWith("P90D (readings before "));
        assertEquals("no readings", text(browser.shown("#storage")));
        browser.find(".sensor-head a.button-link").click();
        browser.until(d -> browser.find("#sensor-name").getAttribute("value").equals("Cellar air"));
        fill("#sensor-name", "Cellar air, north wall");
        browser.find("#sensor-form button[type=submit]").click();
        browser.until(d -> text(browser.shown("#sensor-title")).equals("Cellar air, north wall"));

        JsonObject stored = api.get("sensors/" + id).object();
        assertEquals("Cellar air, north wall", stored.getString("name"));
        assertEquals("cellar", stored.getString("location"), "a merge patch leaves other fields");
        assertEquals("P90D", stored.getString("retention"));
    }

    @Test
    void registersAndEditsASensorsTags() {
        String id = unique("page-tags");
        signInAsAdmin();
        go("#/sensors/new");
        fill("#sensor-id", id);
        fill("#sensor-name", "Tagged");
        fill("#sensor-type", "temperature");
        fill("#sensor-unit", "°C");
        fill("#sensor-tags", "building:B7\nfloor:2\n:nameless");
        browser.find("#sensor-form button[type=submit]").click();
        assertTrue(text(browser.shown("#sensor-tags-error")).contains("size must be between 1 and 64"),
                text(browser.find("#sensor-tags-error")));
        assertEquals(404, api.get("sensors/" + id).status());

        fill("#sensor-tags", "building:B7\nfloor:2");
        browser.find("#sensor-form button[type=submit]").click();
        browser.until(d -> text(browser.shown("#sensor-title")).equals("Tagged"));
        assertEquals(Map.of("building", "B7", "floor", "2"), tagsOf(id));

        browser.find(".sensor-head a.button-link").click();
        browser.until(d -> browser.find("#sensor-tags").getAttribute("value").equals("building:B7\nfloor:2"));
        fill("#sensor-tags", "building:B8\nroom:12:a");
        browser.find("#sensor-form button[type=submit]").click();
        browser.until(d -> text(browser.find(".facts")).contains("building:B8 room:12:a"));
        assertEquals(Map.of("building", "B8", "room", "12:a"), tagsOf(id));
    }

    private Map<String, String> tagsOf(String id) {
        return api.get("sensors/" + id).object().getJsonObject("tags").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()));
    }

    @Test
    void filtersAndSearchesTheSensors() {
        String location = unique("site");
        String alpha = unique("alpha");
        String beta = unique("beta");
        assertEquals(201, api.post("sensors", ("[{\"id\":\"%s\",\"name\":\"Alpha\",\"type\":\"t\",\"unit\":\"C\",\"location\":\"%s\"},"
                + "{\"id\":\"%s\",\"name\":\"Beta\",\"type\":\"t\",\"unit\":\"C\",\"location\":\"%s\",\"active\":false}]")
                .formatted(alpha, location, beta, location)).status());
        signInAsAdmin();
        go("#/");
        fill("#filter-location", location);
        browser.until(d -> ids().equals(List.of(beta, alpha)) || ids().equals(List.of(alpha, beta)));

        fill("#filter-search", "beta");
        browser.until(d -> ids().equals(List.of(beta)));
        fill("#filter-search", "");
        new Select(browser.find("#filter-active")).selectByValue("true");
        browser.until(d -> ids().equals(List.of(alpha)));
        assertEquals("—", browser.js("return document.querySelector(arguments[0]).textContent",
                "#sensor-table tr[data-sensor-id='" + alpha + "'] .latest-value"), "a sensor without readings has no latest value");
    }

    @Test
    void filtersTheSensorsByTagsAndShowsASensorsTags() {
        String building = unique("b");
        String second = unique("floor2");
        String third = unique("floor3");
        assertEquals(201, api.post("sensors", ("[{\"id\":\"%s\",\"name\":\"Two\",\"type\":\"t\",\"unit\":\"C\","
                + "\"tags\":{\"building\":\"%s\",\"floor\":\"2\"}},"
                + "{\"id\":\"%s\",\"name\":\"Three\",\"type\":\"t\",\"unit\":\"C\","
                + "\"tags\":{\"building\":\"%s\",\"floor\":\"3\"}}]").formatted(second, building, third, building))
                .status());
        signInAsAdmin();
        go("#/");
        fill("#filter-tags", "building:" + building);
        browser.until(d -> ids().size() == 2 && ids().containsAll(List.of(second, third)));

        fill("#filter-tags", "building:" + building + " floor:3");
        browser.until(d -> ids().equals(List.of(third)));

        openSensor(third);
        browser.until(d -> text(browser.find("#sensor-title")).equals("Three"));
        assertTrue(text(browser.find(".facts")).contains("building:" + building + " floor:3"), text(browser.find(".facts")));
    }

    @Test
    void downloadsTheShownRangeAsCsv() throws IOException {
        String sensor = Fixtures.sensor(api, "C");
        api.post("sensor_values", Fixtures.readings(Fixtures.reading(sensor, "2026-01-02T00:00:00.123456Z", 1.5),
                Fixtures.reading(sensor, "2026-01-02T06:00:00Z", -2), Fixtures.reading(sensor, "2026-01-02T12:00:00Z", 3.25)));
        signInAsAdmin();
        openSensor(sensor);
        awaitReadings();
        browser.find("#download-csv").click();
        browser.until(d -> !text(browser.find("#download-status")).isEmpty()
                && !text(browser.find("#download-status")).startsWith("Preparing"));

        Path file = browser.until(d -> browser.downloaded(sensor + "_"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("sensor_id,creation_date,value", lines.get(0));
        Map<Instant, Double> readings = lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(","))
                .peek(fields -> assertEquals(sensor, fields[0]))
                .collect(Collectors.toMap(fields -> Instant.parse(fields[1]), fields -> Double.parseDouble(fields[2])));
        assertEquals(Map.of(Instant.parse("2026-01-02T00:00:00.123456Z"), 1.5, Instant.parse("2026-01-02T06:00:00Z"), -2.0,
                Instant.parse("2026-01-02T12:00:00Z"), 3.25), readings);
    }

    /** The sensors the table lists, read in one step (the table is redrawn as answers arrive). */
    @SuppressWarnings("unchecked")
    private List<String> ids() {
        return (List<String>) browser.js(
                "return [...document.querySelectorAll('#sensor-table tbody tr')].map(row => row.dataset.sensorId)");
    }

    private void fill(String css, String value) {
        WebElement input = browser.find(css);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }

    private void upload(String csv) throws IOException {
        Path file = Browser.TARGET.resolve("uploads").resolve(unique("readings") + ".csv").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.find("#upload-file").sendKeys(file.toString());
        browser.until(d -> browser.find("#upload-send").isEnabled());
        browser.find("#upload-send").click();
        browser.until(d -> !browser.all("#upload-result .problem, #upload-outcome").isEmpty());
    }
}
