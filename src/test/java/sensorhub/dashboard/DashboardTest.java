package sensorhub.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Deployments;
import sensorhub.testing.Fixtures;

/**
 * A black-box test of the dashboard at {@code /}: the deployed WAR, a real Chromium, and the API beside it to
 * make data and to check what the page shows against what the service answers.
 */
@Tag("browser")
abstract class DashboardTest extends BlackBoxTest {

    @RegisterExtension
    final Browser browser = new Browser();

    /** Opens the page and signs in with the key; waits until the page has taken it or refused it. */
    void signIn(String key) {
        browser.open(base.toString());
        browser.shown("#api-key").sendKeys(key);
        browser.find("#sign-in-button").click();
        browser.until(d -> "true".equals(browser.find("body").getAttribute("data-signed-in"))
                || !browser.all("#sign-in-problem .problem").isEmpty());
    }

    void signInAsAdmin() {
        signIn(sensorhub.testing.Api.ADMIN_KEY);
        browser.until(d -> "true".equals(browser.find("body").getAttribute("data-signed-in")));
    }

    /** Goes to a section of the page by its address, e.g. {@code #/keys}, and waits for it to be drawn. */
    void go(String route) {
        browser.js("location.hash = arguments[0]", route);
        String path = route.replaceFirst("^#", "");
        browser.until(d -> path.equals(browser.find("#view").getAttribute("data-route"))
                && browser.find("#view").getAttribute("aria-busy") == null);
    }

    void openSensor(String id) {
        go("#/sensors/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Chooses a time zone in the sensor view's picker and waits for the box plot to be drawn in it again. */
    void chooseZone(String zone) {
        new Select(browser.find("#zone")).selectByValue(zone);
        browser.until(d -> "shown".equals(browser.find("#box-plot").getAttribute("data-state"))
                && zone.equals(browser.find("#box-plot").getAttribute("data-zone")));
    }

    void awaitBoxPlot() {
        browser.until(d -> "shown".equals(browser.find("#box-plot").getAttribute("data-state")));
    }

    void awaitReadings() {
        browser.until(d -> Optional.ofNullable(browser.find("#readings-chart").getAttribute("data-state"))
                .filter(state -> !state.equals("loading")).orElse(null));
    }

    /** What the box plot draws, read back from the chart's data (its data-boxes attribute). */
    JsonArray boxes() {
        return Json.createReader(new StringReader(browser.find("#box-plot").getAttribute("data-boxes"))).readArray();
    }

    /** A sensor with readings every {@code stepMinutes} from {@code first} to {@code end}, values along a daily wave. */
    String sensorWithWave(Instant first, Instant end, int stepMinutes) {
        String id = unique("greenhouse-7-air");
        Answer created = api.post("sensors", ("[{\"id\":\"%s\",\"name\":\"Greenhouse 7 air\",\"type\":\"temperature\","
                + "\"unit\":\"°C\",\"location\":\"greenhouse-7\"}]").formatted(id));
        assertEquals(201, created.status(), created.body());
        List<String> readings = new ArrayList<>();
        int n = 0;
        for (Instant t = first; t.isBefore(end); t = t.plusSeconds(60L * stepMinutes), n++) {
            double value = Math.round((18 + 5 * Math.sin(2 * Math.PI * n * stepMinutes / 1440.0) + (n * 7919 % 13) / 10.0)
                    * 100) / 100.0;
            readings.add(Fixtures.reading(id, t.toString(), value));
        }
        Answer stored = api.post("sensor_values", Fixtures.readings(readings.toArray(String[]::new)));
        assertEquals(201, stored.status(), stored.body());
        return id;
    }

    static String unique(String prefix) {
        return Deployments.unique(prefix);
    }

    static String text(WebElement element) {
        return element.getText().trim();
    }
}
