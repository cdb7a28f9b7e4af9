package sensorhub;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.BlackBoxTest;

/**
 * What answers without a key (health, the OpenAPI document, the API docs page), and that nothing else does:
 * every {@code /api} operation the OpenAPI document names refuses a request without a key.
 */
class PublicEndpointsIT extends BlackBoxTest {

    /** The routes of the contract (API.md) that exist today; the document may name more, never fewer. */
    static final List<String> CONTRACT = List.of(
            "GET /api/sensors", "POST /api/sensors", "GET /api/sensors/{id}", "PUT /api/sensors/{id}",
            "PATCH /api/sensors/{id}", "DELETE /api/sensors/{id}",
            "POST /api/api_keys", "GET /api/api_keys", "DELETE /api/api_keys/{id}",
            "POST /api/sensor_values", "GET /api/sensor_values/{sensor_id}/{date}", "GET /api/sensors/{id}/values",
            "GET /api/daily_aggregations/{sensor_id}/{date}", "GET /api/sensors/{id}/daily_aggregations");

    /** One request an operation of the document takes: method, path template, and the body's media type. */
    record Call(String method, String path, String mediaType) {

        String route() {
            return method + " " + path;
        }

        /** The path with every {parameter} filled in, relative to the API (without {@code /api/}). */
        String target() {
            return path.substring("/api/".length()).replace("{date}", "2026-01-02").replaceAll("\\{[^}]+}", "x");
        }
    }

    @Test
    void reportsReadyWhenTheDatabaseAnswers() {
        Answer ready = api.as(null).follow(api.health("ready"));

        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        String expectedProduct = System.getenv("SENSORS_DB_URL") == null ? "H2" : "MySQL";
        assertTrue(ready.body().contains("\"product\":\"" + expectedProduct + "\""),
                "the server uses the database the tests check: " + ready.body());
    }

    @Test
    void describesEveryRouteOfTheContractAndTheKeySchemeInOpenApi() {
        String text = ServedOpenApi.text(api);
        TreeSet<String> described = new TreeSet<>(calls().stream().map(Call::route).toList());

        assertTrue(described.containsAll(CONTRACT), "missing from the OpenAPI document: "
                + CONTRACT.stream().filter(route -> !described.contains(route)).toList());
        for (String expected : new String[] {"X-API-KEY", "activation_date", "updated_by"}) {
            assertTrue(text.contains(expected), expected + " missing from the OpenAPI document");
        }
    }

    @Test
    void refusesEveryApiOperationOfTheDocumentWithoutAKey() {
        List<Call> calls = calls();
        List<Executable> checks = new ArrayList<>();
        for (Call call : calls) {
            Answer answer = call.mediaType() == null ? api.as(null).send(call.method(), call.target())
                    : api.as(null).send(call.method(), call.target(), call.mediaType(), "");
            String name = call.route() + (call.mediaType() == null ? "" : " (" + call.mediaType() + ")");
            checks.add(() -> assertEquals(401, answer.status(), name + ": " + answer));
            checks.add(() -> assertEquals("ApiKey", answer.header("WWW-Authenticate"), name + ": " + answer));
        }

        assertTrue(calls.size() >= CONTRACT.size(), "operations in the document: " + calls);
        assertAll(checks);
    }

    @Test
    void servesTheApiDocsPageAndTheSwaggerUiItLoadsWithoutAKey() throws URISyntaxException {
        Answer page = api.as(null).page("api-docs/");

        assertEquals(200, page.status());
        assertFalse(page.body().contains("${"), "a placeholder left unfiltered: " + page.body());
        Matcher scripts = Pattern.compile("(?:src|href)=\"([^\"]*webjars/swagger-ui/[^\"]+)\"").matcher(page.body());
        List<String> loaded = new ArrayList<>();
        URI pageAddress = base.toURI().resolve("api-docs/");
        while (scripts.find()) {
            loaded.add(scripts.group(1));
            Answer file = api.as(null).follow(pageAddress.resolve(scripts.group(1)));
            assertEquals(200, file.status(), scripts.group(1));
        }
        assertEquals(2, loaded.size(), "the page loads Swagger UI's script and style sheet: " + loaded);
    }

    /** Each /api operation of the served document, once per media type its request body takes. */
    /**
     * The document's operations on {@code /api}, with paths as the contract names them. WildFly's document puts
     * the deployment's context root before each path (Arquillian deploys under one), Payara's does not.
     */
    private List<Call> calls() {
        OpenAPI document = ServedOpenApi.parsed(api).getOpenAPI();
        String context = base.getPath().replaceAll("/+$", "");
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            String route = path.getKey().startsWith(context + "/api/") ? path.getKey().substring(context.length())
                    : path.getKey();
            if (!route.startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap()
                    .entrySet()) {
                String method = operation.getKey().name();
                var body = operation.getValue().getRequestBody();
                if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
                    calls.add(new Call(method, route, null));
                } else {
                    body.getContent().keySet().forEach(type -> calls.add(new Call(method, route, type)));
                }
            }
        }
        return calls;
    }
}
