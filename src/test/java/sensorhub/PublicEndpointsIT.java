package sensorhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Api.Answer;

/** What answers without a key: health, the OpenAPI document and the API docs page. */
class PublicEndpointsIT extends BlackBoxTest {

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
    void describesEveryEndpointAndTheKeySchemeInOpenApi() {
        Answer document = api.as(null).follow(api.serverRoot("/openapi"));

        assertEquals(200, document.status(), document.body());
        for (String expected : new String[] {"/api/sensors:", "/api/sensors/{id}:", "/api/api_keys:",
                "/api/api_keys/{id}:", "X-API-KEY", "activation_date", "updated_by"}) {
            assertTrue(document.body().contains(expected), expected + " missing from the OpenAPI document");
        }
    }

    @Test
    void servesTheApiDocsPageWithoutAKey() {
        Answer page = api.as(null).page("api-docs/");

        assertEquals(200, page.status());
        assertTrue(page.body().contains("swagger-ui"), page.body());
        assertEquals(200, api.as(null).page("webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").status());
    }
}
