package sensorhub.influx.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.testing.Deployments.unique;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api;
import sensorhub.testing.BlackBoxTest;

/**
 * InfluxDB's query API as Grafana's data source, the {@code influx} CLI and the client libraries use it: what was
 * written through {@code /write} read back with InfluxQL, in InfluxDB 1.x's JSON and CSV shapes and errors. The
 * expected values are worked out here from the readings written, not taken from the service.
 */
class InfluxQueryIT extends BlackBoxTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** 2026-04-20T08:00:00Z in seconds. */
    private static final long EIGHT = 1_776_672_000L;

    private String db;

    /** Room a: 1, 2, 3, 4 at 08:00:00, :20, :40 and 08:01:00; room b: 10 at 08:00:30, 20 at 08:02:30; hum 40i. */
    @BeforeEach
    void writeReadings() {
        db = unique("q");
        String lines = String.join("\n",
                "air,room=a value=1,hum=40i " + EIGHT,
                "air,room=a value=2 " + (EIGHT + 20),
                "air,room=a value=3 " + (EIGHT + 40),
                "air,room=a value=4 " + (EIGHT + 60),
                "air,room=b value=10 " + (EIGHT + 30),
                "air,room=b value=20 " + (EIGHT + 150));
        HttpResponse<String> written = send(HttpRequest.newBuilder(uri("write?db=" + db + "&precision=s"))
                .header("Authorization", "Token " + Api.ADMIN_KEY).POST(BodyPublishers.ofString(lines)));
        assertEquals(204, written.statusCode(), written::body);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base.toString()).resolve(pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> query(String q, String extra, String key) {
        return send(HttpRequest.newBuilder(uri("query?db=" + db + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + extra)).header("Authorization", "Token " + key).GET());
    }

    private JsonObject result(String q, String extra) {
        HttpResponse<String> answer = query(q, extra, Api.ADMIN_KEY);
        assertEquals(200, answer.statusCode(), answer::body);
        return Json.createReader(new StringReader(answer.body())).readObject().getJsonArray("results")
                .getJsonObject(0);
    }

    private static JsonArray values(JsonObject result, int series) {
        return result.getJsonArray("series").getJsonObject(series).getJsonArray("values");
    }

    @Test
    void answersGrafanasMeanPerMinuteInEpochMilliseconds() {
        long from = EIGHT * 1000;
        JsonObject result = result("SELECT mean(\"value\") FROM \"air\" WHERE (\"room\" = 'a') AND time >= " + from
                + "ms and time <= " + (from + 179_999) + "ms GROUP BY time(1m) fill(null)", "&epoch=ms");

        assertEquals(List.of("time", "mean"), result.getJsonArray("series").getJsonObject(0).getJsonArray("columns")
                .getValuesAs(v -> ((JsonString) v).getString()));
        JsonArray rows = values(result, 0);
        assertEquals(3, rows.size());
        assertEquals(from, rows.getJsonArray(0).getJsonNumber(0).longValue());
        assertEquals((1 + 2 + 3) / 3.0, rows.getJsonArray(0).getJsonNumber(1).doubleValue());
        assertEquals(4.0, rows.getJsonArray(1).getJsonNumber(1).doubleValue());
        assertTrue(rows.getJsonArray(2).isNull(1), "a minute without readings is null under fill(null)");
    }

    @Test
    void groupsByTagAndFills() {
        JsonObject result = result("SELECT max(\"value\"), count(\"value\") FROM \"air\" WHERE time >= "
                + "'2026-04-20T08:00:00Z' AND time < '2026-04-20T08:03:00Z' GROUP BY time(1m), \"room\" fill(previous)",
                "");

        JsonArray series = result.getJsonArray("series");
        assertEquals(2, series.size());
        assertEquals("a", series.getJsonObject(0).getJsonObject("tags").getString("room"));
        assertEquals("b", series.getJsonObject(1).getJsonObject("tags").getString("room"));
        JsonArray b = values(result, 1);
        assertEquals("2026-04-20T08:00:00Z", b.getJsonArray(0).getString(0));
        assertEquals(List.of(10.0, 10.0, 20.0), b.stream().map(r -> r.asJsonArray().getJsonNumber(1).doubleValue())
                .toList(), "08:01 has no reading of b: previous fills it");
    }

    @Test
    void aLoneSelectorAnswersWithItsReadingsTime() {
        JsonObject result = result("SELECT max(\"value\") FROM \"air\" WHERE \"room\" = 'a'", "");

        assertEquals("2026-04-20T08:01:00Z", values(result, 0).getJsonArray(0).getString(0));
        assertEquals(4.0, values(result, 0).getJsonArray(0).getJsonNumber(1).doubleValue());
    }

    @Test
    void answersTheShowStatementsOfTheDatabase() {
        assertTrue(result("SHOW DATABASES", "").toString().contains("\"" + db + "\""));
        assertEquals("[[\"air\"]]", values(result("SHOW MEASUREMENTS", ""), 0).toString());
        assertEquals("[[\"room\"]]", values(result("SHOW TAG KEYS FROM \"air\"", ""), 0).toString());
        assertEquals("[[\"room\",\"a\"],[\"room\",\"b\"]]", values(result("SHOW TAG VALUES WITH KEY = \"room\"", ""), 0)
                .toString());
        assertEquals("[[\"hum\",\"integer\"],[\"value\",\"float\"]]", values(result("SHOW FIELD KEYS", ""), 0)
                .toString());
        assertEquals("autogen", values(result("SHOW RETENTION POLICIES", ""), 0).getJsonArray(0).getString(0));
    }

    @Test
    void answersCsvWhenAskedFor() {
        HttpResponse<String> csv = send(HttpRequest.newBuilder(uri("query?db=" + db + "&q=" + URLEncoder.encode(
                "SELECT \"value\" FROM \"air\" WHERE \"room\" = 'b'", StandardCharsets.UTF_8)))
                .header("Authorization", "Token " + Api.ADMIN_KEY).header("Accept", "application/csv").GET());

        assertEquals(200, csv.statusCode());
        assertEquals("name,tags,time,value\nair,,1776672030000000000,10\nair,,1776672150000000000,20\n", csv.body());
    }

    @Test
    void createsADatabaseFromAFormBody() {
        String other = unique("created");
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("query"))
                .header("Authorization", "Token " + Api.ADMIN_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("q=" + URLEncoder.encode("CREATE DATABASE \"" + other + "\"",
                        StandardCharsets.UTF_8))));

        assertEquals(200, created.statusCode(), created::body);
        assertTrue(result("SHOW DATABASES", "").toString().contains("\"" + other + "\""));
    }

    @Test
    void refusesInInfluxDbsWords() {
        HttpResponse<String> syntax = query("SELEC 1", "", Api.ADMIN_KEY);
        assertEquals(400, syntax.statusCode());
        assertTrue(syntax.body().startsWith("{\"error\":\"error parsing query: found SELEC, expected SELECT"),
                syntax::body);
        assertEquals("undefined function foo()", result("SELECT foo(\"value\") FROM \"air\"", "").getString("error"));
        HttpResponse<String> noDb = send(HttpRequest.newBuilder(uri("query?db=nosuch-" + db + "&q=SHOW+MEASUREMENTS"))
                .header("Authorization", "Token " + Api.ADMIN_KEY).GET());
        assertTrue(noDb.body().contains("database not found: nosuch-" + db), noDb::body);
        HttpResponse<String> noQuery = send(HttpRequest.newBuilder(uri("query?db=" + db))
                .header("Authorization", "Token " + Api.ADMIN_KEY).GET());
        assertEquals(400, noQuery.statusCode());

        assertEquals(401, query("SHOW DATABASES", "", "wrong").statusCode());
        String reader = api.post("api_keys", "{\"name\":\"%s\",\"permissions\":[\"read\"]}".formatted(unique("r")))
                .object().getString("key");
        assertEquals(200, query("SHOW MEASUREMENTS", "", reader).statusCode());
        HttpResponse<String> create = query("CREATE DATABASE x", "", reader);
        assertEquals(403, create.statusCode());
        assertTrue(create.body().contains("write"), create::body);
    }

    @Test
    void aSensorDeletedOverRestLeavesTheQueries() {
        assertEquals(204, api.delete("sensors/" + Api.segment(db + ".air.b.value")).status());

        JsonObject result = result("SELECT count(\"value\") FROM \"air\" GROUP BY \"room\"", "");

        assertEquals(1, result.getJsonArray("series").size());
        assertFalse(result.toString().contains("\"b\""));
    }
}
