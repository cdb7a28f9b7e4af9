package sensorhub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Api;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Deployments;

/**
 * Every operation of the served {@code /openapi} document driven through its success and each error it documents
 * (all but 500 and 503, which a test cannot provoke on purpose), each live answer validated against that document
 * by an implementation of OpenAPI of its own (Atlassian's request validator): status, media type, headers the
 * document names, body schema; a request meant to be valid is validated too. Each test ends by checking that it
 * drove every documented status of its operations. And the served document is the file, apart from servers.
 */
class OpenApiContractIT extends BlackBoxTest {

    /** HTTP/1.1: Java's client would upgrade to HTTP/2 (h2c), where Payara resets a stream that expects 100-continue. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Statuses no test can bring about on purpose: a failure of the server or of its database, or overload. */
    private static final Set<String> UNPROVOKED = Set.of("500", "503");
    private static final String GONE = "410";
    private static final String DAY = "2026-03-10";
    private static final String JSON = "application/json";
    /** The suite runs on WildFly (pom profile wildfly), whose served document differs as documented below. */
    private static final boolean ON_WILDFLY = "wildfly".equals(System.getProperty("arquillian.launch"));
    private static final String CSV = "text/csv";
    private static final String TOO_LARGE_JSON = "[\"" + "x".repeat(2_200_000) + "\"]";
    private static final int LARGE_BODY = 1 << 20;

    private static String servedText;
    private static OpenApiInteractionValidator validator;
    private static OpenAPI document;

    private final Set<String> driven = new TreeSet<>();

    @BeforeEach
    void readTheServedDocument() {
        if (validator == null) {
            Answer served = api.as(null).follow(api.serverRoot("/openapi"));
            assertEquals(200, served.status(), served.body());
            servedText = served.body();
            String valid = withoutContextRoot(withoutEmptyObjects(servedText));
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(valid).build();
            document = new OpenAPIV3Parser().readContents(valid).getOpenAPI();
        }
    }

    @Test
    void servesTheDocumentAsWrittenApartFromServers() throws IOException {
        JsonNode file;
        try (InputStream yaml = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            file = YAML.readTree(yaml);
        }
        JsonNode served = YAML.readTree(servedText);
        ((ObjectNode) file).remove("servers");
        ((ObjectNode) served).remove("servers");
        withoutContextRoot((ObjectNode) served);
        if (ON_WILDFLY) {
            withoutRequiredBodies(file);
        }

        assertEquals(YAML.writeValueAsString(file), YAML.writeValueAsString(sorted(served, file)),
                "the served /openapi is not META-INF/openapi.yaml");
    }

    @Test
    void sensorsAnswerAsDocumented() {
        String first = Deployments.unique("oa");
        String second = Deployments.unique("oa");
        String readOnly = key("read");
        String writeOnly = key("write");

        call("POST", "sensors").json("[" + sensor(first, "greenhouse") + "," + sensor(second, "greenhouse") + "]")
                .expect(201);
        call("POST", "sensors").json("[" + sensor(first, "x") + "]").expect(409);
        call("POST", "sensors").json("[{\"id\":\"a b\",\"name\":\"\",\"type\":\"t\",\"unit\":\"u\"}]").invalid()
                .expect(400);
        call("POST", "sensors").json(TOO_LARGE_JSON).invalid().expect(413);
        call("POST", "sensors").body("text/plain", "x").invalid().expect(415);
        call("POST", "sensors").json("[" + sensor(Deployments.unique("oa"), "x") + "]").as(readOnly).expect(403);
        call("POST", "sensors").json("[" + sensor(Deployments.unique("oa"), "x") + "]").as(null).invalid()
                .expect(401);

        Answer page = call("GET", "sensors").query("location", "greenhouse").query("limit", "1").expect(200);
        assertTrue(page.next().isPresent(), "a Link to the next page: " + page.headers());
        call("GET", "sensors").query("active", "yes").invalid().expect(400);
        call("GET", "sensors").as(writeOnly).expect(403);
        call("GET", "sensors").as(null).invalid().expect(401);

        call("GET", "sensors/" + first).expect(200);
        call("GET", "sensors/" + Deployments.unique("oa")).expect(404);
        call("GET", "sensors/" + first).as(writeOnly).expect(403);
        call("GET", "sensors/" + first).as(null).invalid().expect(401);

        call("PUT", "sensors/" + first).json(sensor(first, "shed")).expect(200);
        call("PUT", "sensors/" + first).json(sensor(second, "shed")).expect(400);
        call("PUT", "sensors/" + first).json(TOO_LARGE_JSON).invalid().expect(413);
        call("PUT", "sensors/" + first).body("text/plain", "x").invalid().expect(415);
        String unknown = Deployments.unique("oa");
        call("PUT", "sensors/" + unknown).json(sensor(unknown, "shed")).expect(404);
        call("PUT", "sensors/" + first).json(sensor(first, "shed")).as(readOnly).expect(403);
        call("PUT", "sensors/" + first).json(sensor(first, "shed")).as(null).invalid().expect(401);

        call("PATCH", "sensors/" + first).mergePatch("{\"active\":false,\"location\":null}").expect(200);
        call("PATCH", "sensors/" + first).mergePatch("{\"name\":\"\"}").invalid().expect(400);
        call("PATCH", "sensors/" + first).mergePatch(TOO_LARGE_JSON).invalid().expect(413);
        call("PATCH", "sensors/" + first).json("{\"name\":\"n\"}").invalid().expect(415);
        call("PATCH", "sensors/" + unknown).mergePatch("{\"name\":\"n\"}").expect(404);
        call("PATCH", "sensors/" + first).mergePatch("{\"name\":\"n\"}").as(readOnly).expect(403);
        call("PATCH", "sensors/" + first).mergePatch("{\"name\":\"n\"}").as(null).invalid().expect(401);

        call("DELETE", "sensors/" + second).as(readOnly).expect(403);
        call("DELETE", "sensors/" + second).as(null).invalid().expect(401);
        call("DELETE", "sensors/" + second).expect(204);
        call("DELETE", "sensors/" + second).expect(404);

        assertDrovenEveryDocumentedStatus("/api/sensors", "/api/sensors/{id}");
    }

    @Test
    void readingsAnswerAsDocumented() {
        String sensor = registered();
        String other = registered();
        String readOnly = key("read");
        String writeOnly = key("write");

        call("POST", "sensor_values").json(readings(sensor, 3, 20.5)).expect(201);
        call("POST", "sensor_values").json(readings(other, 1, 1.5)).expect(201);
        call("POST", "sensor_values").csv("sensor_id,creation_date,value\r\n" + sensor + "," + DAY
                + "T12:00:00Z,22.5\r\n").expect(201);
        call("POST", "sensor_values").json(readings(sensor, 1, 99)).expect(409);
        call("POST", "sensor_values").json(readings(Deployments.unique("oa"), 1, 1)).expect(422);
        call("POST", "sensor_values").json("[{\"sensor_id\":\"" + sensor + "\",\"value\":1}]").invalid().expect(400);
        call("POST", "sensor_values").csv(tooManyReadings(sensor)).expect(413);
        call("POST", "sensor_values").body("text/plain", "x").invalid().expect(415);
        call("POST", "sensor_values").json(readings(sensor, 1, 20.5)).as(readOnly).expect(403);
        call("POST", "sensor_values").json(readings(sensor, 1, 20.5)).as(null).invalid().expect(401);

        call("GET", "sensor_values/" + sensor + "/" + DAY).query("zone", "Europe/Berlin").expect(200);
        call("GET", "sensor_values/" + sensor + "/2026-13-01").invalid().expect(400);
        call("GET", "sensor_values/" + Deployments.unique("oa") + "/" + DAY).expect(404);
        call("GET", "sensor_values/" + sensor + "/" + DAY).as(writeOnly).expect(403);
        call("GET", "sensor_values/" + sensor + "/" + DAY).as(null).invalid().expect(401);

        String values = "sensors/" + sensor + "/values";
        Answer page = call("GET", values).range().query("limit", "2").expect(200);
        assertTrue(page.next().isPresent(), "a Link to the next page: " + page.headers());
        call("GET", values).range().accept(CSV).expect(200);
        call("GET", values).query("from", DAY + "T00:00:00Z").invalid().expect(400);
        call("GET", "sensors/" + Deployments.unique("oa") + "/values").range().expect(404);
        call("GET", values).range().as(writeOnly).expect(403);
        call("GET", values).range().as(null).invalid().expect(401);

        String series = "sensors/" + sensor + "/series";
        call("GET", series).range().query("bucket", "PT1H").expect(200);
        call("GET", series).range().query("max_buckets", "10").accept(CSV).expect(200);
        call("GET", series).range().query("bucket", "PT2H").invalid().expect(400);
        call("GET", "sensors/" + Deployments.unique("oa") + "/series").range().expect(404);
        call("GET", series).range().as(writeOnly).expect(403);
        call("GET", series).range().as(null).invalid().expect(401);

        Answer latest = call("GET", "latest_values").query("limit", "1").expect(200);
        assertTrue(latest.next().isPresent(), "a Link to the next page: " + latest.headers());
        call("GET", "latest_values").query("limit", "0").invalid().expect(400);
        call("GET", "latest_values").as(writeOnly).expect(403);
        call("GET", "latest_values").as(null).invalid().expect(401);

        String arrivals = "sensors/" + sensor + "/arrivals";
        assertTrue(call("GET", arrivals).expect(200).body().contains("\"door\":\"rest\""));
        call("GET", "sensors/" + Deployments.unique("oa") + "/arrivals").expect(404);
        call("GET", arrivals).as(writeOnly).expect(403);
        call("GET", arrivals).as(null).invalid().expect(401);

        call("DELETE", values).range().as(readOnly).expect(403);
        call("DELETE", values).range().as(null).invalid().expect(401);
        call("DELETE", values).query("from", DAY + "T00:00:00Z").invalid().expect(400);
        call("DELETE", "sensors/" + Deployments.unique("oa") + "/values").range().expect(404);
        call("DELETE", values).range().expect(200);

        assertDrovenEveryDocumentedStatus("/api/sensor_values", "/api/sensor_values/{sensor_id}/{date}",
                "/api/sensors/{id}/values", "/api/sensors/{id}/series", "/api/latest_values",
                "/api/sensors/{id}/arrivals");
    }

    @Test
    void dailyAggregationsAnswerAsDocumented() {
        String sensor = registered();
        String writeOnly = key("write");
        call("POST", "sensor_values").json(readings(sensor, 5, 10)).expect(201);

        String day = "daily_aggregations/" + sensor + "/" + DAY;
        call("GET", day).expect(200);
        call("GET", "daily_aggregations/" + sensor + "/2026-03-11").query("zone", "Asia/Tokyo").expect(200);
        call("GET", day).query("zone", "Mars/Olympus").invalid().expect(400);
        call("GET", "daily_aggregations/" + Deployments.unique("oa") + "/" + DAY).expect(404);
        call("GET", day).as(writeOnly).expect(403);
        call("GET", day).as(null).invalid().expect(401);

        String days = "sensors/" + sensor + "/daily_aggregations";
        call("GET", days).query("from", DAY).query("to", "2026-03-12").expect(200);
        call("GET", days).query("from", DAY).query("to", "2026-03-12").accept(CSV).expect(200);
        call("GET", days).query("from", DAY).invalid().expect(400);
        call("GET", "sensors/" + Deployments.unique("oa") + "/daily_aggregations").query("from", DAY)
                .query("to", DAY).expect(404);
        call("GET", days).query("from", DAY).query("to", DAY).as(writeOnly).expect(403);
        call("GET", days).query("from", DAY).query("to", DAY).as(null).invalid().expect(401);

        assertDrovenEveryDocumentedStatus("/api/daily_aggregations/{sensor_id}/{date}",
                "/api/sensors/{id}/daily_aggregations");
    }

    @Test
    void statisticsAndStorageAnswerAsDocumented() {
        String sensor = registered();
        String writeOnly = key("write");
        call("POST", "sensor_values").json(readings(sensor, 5, 10)).expect(201);

        String statistics = "sensors/" + sensor + "/statistics";
        call("GET", statistics).range().query("percentiles", "5,50,99.9").expect(200);
        call("GET", statistics).range().query("percentiles", "101").invalid().expect(400);
        call("GET", "sensors/" + Deployments.unique("oa") + "/statistics").range().expect(404);
        call("GET", statistics).range().as(writeOnly).expect(403);
        call("GET", statistics).range().as(null).invalid().expect(401);

        String storage = "sensors/" + sensor + "/storage";
        call("GET", storage).expect(200);
        call("GET", "sensors/" + Deployments.unique("oa") + "/storage").expect(404);
        call("GET", storage).as(writeOnly).expect(403);
        call("GET", storage).as(null).invalid().expect(401);

        assertDrovenEveryDocumentedStatus("/api/sensors/{id}/statistics", "/api/sensors/{id}/storage");
    }

    /** What needs readings that retention removed: the sweep runs every second in the suite (pom.xml). */
    @Test
    void readsOfRemovedReadingsAnswerAsDocumented() throws InterruptedException {
        String sensor = registered();
        call("POST", "sensor_values").json(readings(sensor, 5, 10)).expect(201);
        call("PATCH", "sensors/" + sensor).mergePatch("{\"retention\":\"P1D\"}").expect(200);
        for (int i = 0; i < 300 && call("GET", "sensors/" + sensor + "/storage").expect(200).object()
                .getInt("readings") > 0; i++) {
            Thread.sleep(500);
        }

        call("GET", "sensor_values/" + sensor + "/" + DAY).expect(410);
        call("GET", "sensors/" + sensor + "/values").range().expect(410);
        call("GET", "sensors/" + sensor + "/series").range().query("bucket", "PT1M").expect(410);
        call("GET", "sensors/" + sensor + "/statistics").range().expect(410);
        call("GET", "daily_aggregations/" + sensor + "/" + DAY).query("zone", "Asia/Tokyo").expect(410);
        call("GET", "sensors/" + sensor + "/daily_aggregations").query("from", DAY).query("to", DAY)
                .query("zone", "Asia/Tokyo").expect(410);
        call("POST", "sensor_values").json(readings(sensor, 1, 1)).expect(422);
        assertDroven(GONE::equals, document.getPaths().keySet().toArray(String[]::new));
    }

    @Test
    void apiKeysAndMetricsAnswerAsDocumented() {
        String readOnly = key("read");
        String name = Deployments.unique("oa");

        Answer created = call("POST", "api_keys").json(keyRequest(name, "read")).expect(201);
        call("GET", created.header("Location").replaceFirst("^.*?/api/", "")).expect(200);
        call("POST", "api_keys").json(keyRequest(name, "read")).expect(409);
        call("POST", "api_keys").json(keyRequest(name, "everything")).invalid().expect(400);
        call("POST", "api_keys").json(TOO_LARGE_JSON).invalid().expect(413);
        call("POST", "api_keys").body("text/plain", "x").invalid().expect(415);
        call("POST", "api_keys").json(keyRequest(Deployments.unique("oa"), "read")).as(readOnly).expect(403);
        call("POST", "api_keys").json(keyRequest(Deployments.unique("oa"), "read")).as(null).invalid().expect(401);

        call("GET", "api_keys").expect(200);
        call("GET", "api_keys").as(readOnly).expect(403);
        call("GET", "api_keys").as(null).invalid().expect(401);

        long id = Long.parseLong(created.header("Location").replaceFirst("^.*/", ""));
        call("GET", "api_keys/" + id).as(readOnly).expect(403);
        call("GET", "api_keys/" + id).as(null).invalid().expect(401);
        call("GET", "api_keys/one").invalid().expect(400);
        call("DELETE", "api_keys/" + id).as(readOnly).expect(403);
        call("DELETE", "api_keys/" + id).as(null).invalid().expect(401);
        call("DELETE", "api_keys/one").invalid().expect(400);
        call("DELETE", "api_keys/" + id).expect(204);
        call("DELETE", "api_keys/" + id).expect(404);
        call("GET", "api_keys/" + id).expect(404);

        call("GET", "metrics").accept("text/plain").expect(200);
        call("GET", "metrics").accept("application/openmetrics-text").expect(200);
        call("GET", "metrics").as(readOnly).expect(403);
        call("GET", "metrics").as(null).invalid().expect(401);

        assertDrovenEveryDocumentedStatus("/api/api_keys", "/api/api_keys/{id}", "/api/metrics");
    }

    /** A call of the API: built, then sent and checked against the document by {@link #expect}. */
    private final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private String key = Api.ADMIN_KEY;
        private String contentType;
        private String body;
        private String accept;
        private boolean validRequest = true;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** {@code from} and {@code to} around the test's day. */
        Call range() {
            return query("from", DAY + "T00:00:00Z").query("to", "2026-03-11T00:00:00Z");
        }

        Call json(String json) {
            return body(JSON, json);
        }

        Call csv(String csv) {
            return body(CSV, csv);
        }

        Call mergePatch(String patch) {
            return body("application/merge-patch+json", patch);
        }

        Call body(String type, String text) {
            contentType = type;
            body = text;
            return this;
        }

        Call accept(String type) {
            accept = type;
            return this;
        }

        Call as(String otherKey) {
            key = otherKey;
            return this;
        }

        /** The request breaks the document on purpose; only the answer is validated. */
        Call invalid() {
            validRequest = false;
            return this;
        }

        Answer expect(int status) {
            String queryText = query.entrySet().stream().map(p -> p.getKey() + "="
                    + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/" + path
                    + (queryText.isEmpty() ? "" : "?" + queryText)));
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, "/api/" + path);
            query.forEach(request::withQueryParam);
            if (key != null) {
                http.header("X-API-KEY", key);
                request.withHeader("X-API-KEY", key);
            }
            if (accept != null) {
                http.header("Accept", accept);
                request.withAccept(accept);
            }
            if (contentType != null) {
                http.header("Content-Type", contentType);
                request.withContentType(contentType).withBody(body);
            }
            http.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
            // A body over the route's limit is refused by its declared length, before it is read: sent only once the
            // server asks for it, the client reads the refusal instead of failing on a closed connection. Not on
            // WildFly: Undertow answers the Expect with the final 413, on which JDK 17's HttpClient waits forever
            // (JDK 25's reads it); Undertow reads the unwanted body, so it can be sent at once there.
            http.expectContinue(body != null && body.length() > LARGE_BODY && !ON_WILDFLY);
            Answer answer = send(http);
            SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
            answer.headers().map().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Content-Type")) {
                    response.withContentType(values.get(0));
                } else {
                    response.withHeader(name, values);
                }
            });
            ValidationReport report = validRequest ? validator.validate(request.build(), response.build())
                    : validator.validateResponse("/api/" + path, Request.Method.valueOf(method), response.build());
            String name = method + " /api/" + path + (queryText.isEmpty() ? "" : "?" + queryText);
            assertEquals(status, answer.status(), name + ": " + answer);
            assertTrue(!report.hasErrors(), name + " answered " + answer.status() + " " + answer.contentType()
                    + " against the document:\n  " + report.getMessages().stream()
                            .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n  "))
                    + "\n  body: " + answer.body().substring(0, Math.min(600, answer.body().length())));
            driven.add(method + " " + template("/api/" + path) + " " + status);
            return answer;
        }
    }

    private Call call(String method, String path) {
        return new Call(method, path);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The document's path template that names this path. */
    private static String template(String path) {
        return document.getPaths().keySet().stream()
                .filter(t -> Pattern.compile(t.replaceAll("\\{[^}]+}", "[^/]+")).matcher(path).matches())
                .findFirst().orElseThrow(() -> new AssertionError("no path of the document names " + path));
    }

    /** 410 is driven apart, by {@link #readsOfRemovedReadingsAnswerAsDocumented}, which waits for a sweep. */
    private void assertDrovenEveryDocumentedStatus(String... paths) {
        assertDroven(status -> !UNPROVOKED.contains(status) && !GONE.equals(status), paths);
    }

    private void assertDroven(Predicate<String> statuses, String... paths) {
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            document.getPaths().get(path).readOperationsMap().forEach((method, operation) -> operation
                    .getResponses().keySet().stream().filter(statuses)
                    .map(status -> method + " " + path + " " + status).filter(s -> !driven.contains(s))
                    .forEach(missing::add));
        }
        assertTrue(missing.isEmpty(), "documented but not driven: " + missing);
    }

    /** A key of its own with one permission, as a test needs one. */
    private String key(String permission) {
        Answer created = api.post("api_keys", keyRequest(Deployments.unique("oa"), permission));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("key");
    }

    private String registered() {
        String id = Deployments.unique("oa");
        assertEquals(201, api.post("sensors", "[" + sensor(id, "greenhouse") + "]").status());
        return id;
    }

    private static String sensor(String id, String location) {
        return "{\"id\":\"%s\",\"name\":\"Air\",\"type\":\"temperature\",\"unit\":\"°C\",\"location\":\"%s\"}"
                .formatted(id, location);
    }

    private static String keyRequest(String name, String permission) {
        return "{\"name\":\"%s\",\"permissions\":[\"%s\"]}".formatted(name, permission);
    }

    /** {@code count} readings of the test's day from 10:00, a minute apart. */
    private static String readings(String sensor, int count, double value) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add("{\"sensor_id\":\"%s\",\"creation_date\":\"%s\",\"value\":%s}".formatted(sensor,
                    Instant.parse(DAY + "T10:00:00Z").plusSeconds(60L * i), value));
        }
        return "[" + String.join(",", items) + "]";
    }

    /** One reading more than a batch may hold (sensors.readings.max-batch). */
    private static String tooManyReadings(String sensor) {
        StringBuilder csv = new StringBuilder("sensor_id,creation_date,value\n");
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i <= 100_000; i++) {
            csv.append(sensor).append(',').append(start.plusSeconds(i)).append(",1\n");
        }
        return csv.toString();
    }

    /**
     * WildFly puts the deployment's context root before each path when it is not {@code /}, as Arquillian deploys
     * there; the document's paths start at {@code /api}.
     */
    /**
     * The served document without the empty {@code externalDocs}, {@code info.license} and {@code info.contact}
     * that WildFly 39 adds to every document it serves (its CompositeOpenAPIModelProvider creates them whether a
     * deployment has them or not): the schema requires a license's name and a url in external documents, so a
     * validator refuses to load the document with them (docs/operations.md, "Deploying on WildFly, Open Liberty or Payara Server"). Nothing else is
     * taken out, and on Payara and Open Liberty there is nothing to take.
     */
    private static String withoutEmptyObjects(String served) {
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(served);
            removeIfEmpty(tree, "externalDocs");
            if (tree.get("info") instanceof ObjectNode info) {
                removeIfEmpty(info, "license");
                removeIfEmpty(info, "contact");
            }
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document without {@code required} on its request bodies: WildFly 39 serves every request body as
     * optional (docs/operations.md); the service refuses a missing body all the same, with 400.
     */
    private static void withoutRequiredBodies(JsonNode document) {
        document.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.get("requestBody") instanceof ObjectNode body) {
                body.remove("required");
            }
        }));
    }

    /** The served text with the paths as the file writes them (see {@link #withoutContextRoot(ObjectNode)}). */
    private String withoutContextRoot(String served) {
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(served);
            withoutContextRoot(tree);
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeIfEmpty(ObjectNode parent, String name) {
        if (parent.get(name) instanceof ObjectNode child && child.isEmpty()) {
            parent.remove(name);
        }
    }

    private void withoutContextRoot(ObjectNode served) {
        String context = base.getPath().replaceAll("/+$", "");
        ObjectNode paths = (ObjectNode) served.get("paths");
        if (context.isEmpty() || paths == null) {
            return;
        }
        Map<String, JsonNode> renamed = new LinkedHashMap<>();
        paths.fields().forEachRemaining(e -> renamed.put(e.getKey().startsWith(context + "/api/")
                ? e.getKey().substring(context.length()) : e.getKey(), e.getValue()));
        paths.removeAll();
        paths.setAll(renamed);
    }

    /**
     * The served tree with its object members in the file's order where the file has them (servers may write
     * members in another order), numbers as the file writes them; an empty object the file lacks (SmallRye writes
     * unset ones) is left out.
     */
    private static JsonNode sorted(JsonNode served, JsonNode file) {
        if (served.isObject()) {
            ObjectNode result = YAML.createObjectNode();
            if (file != null && file.isObject()) {
                for (Iterator<String> names = file.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (served.has(name)) {
                        result.set(name, sorted(served.get(name), file.get(name)));
                    }
                }
            }
            served.fields().forEachRemaining(e -> {
                boolean emptyExtra = e.getValue().isObject() && e.getValue().isEmpty()
                        && (file == null || !file.has(e.getKey()));
                if (!result.has(e.getKey()) && !emptyExtra) {
                    result.set(e.getKey(), sorted(e.getValue(), null));
                }
            });
            return result;
        }
        if (served.isArray()) {
            var result = YAML.createArrayNode();
            for (int i = 0; i < served.size(); i++) {
                result.add(sorted(served.get(i), file != null && file.isArray() && i < file.size() ? file.get(i)
                        : null));
            }
            return result;
        }
        if (served.isNumber() && file != null && file.isNumber()
                && served.decimalValue().compareTo(file.decimalValue()) == 0) {
            return file;
        }
        if (served.isTextual() && file != null && !file.isTextual() && file.asText().equals(served.asText())) {
            return file;
        }
        return served;
    }
}
