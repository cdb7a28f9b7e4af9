package sensorhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sensorhub.testing.Api;
import sensorhub.testing.Api.Answer;
import sensorhub.testing.Deployments;

/** What answers without a key: health, the OpenAPI document and the API docs page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicEndpointsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void reportsReadyWhenTheDatabaseAnswers() {
        Answer ready = Api.at(base).as(null).follow(Api.at(base).health("ready"));

        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        String expectedProduct = System.getenv("SENSORS_DB_URL") == null ? "H2" : "MySQL";
        assertTrue(ready.body().contains("\"product\":\"" + expectedProduct + "\""),
                "the server uses the database the tests check: " + ready.body());
    }

    @Test
    void describesEveryEndpointAndTheKeySchemeInOpenApi() {
        Answer document = Api.at(base).as(null).follow(Api.at(base).serverRoot("/openapi"));

        assertEquals(200, document.status(), document.body());
        for (String expected : new String[] {"/api/sensors:", "/api/sensors/{id}:", "/api/api_keys:",
                "/api/api_keys/{id}:", "X-API-KEY", "activation_date", "updated_by"}) {
            assertTrue(document.body().contains(expected), expected + " missing from the OpenAPI document");
        }
    }

    @Test
    void servesTheApiDocsPageWithoutAKey() {
        Answer page = Api.at(base).as(null).page("api-docs/");

        assertEquals(200, page.status());
        assertTrue(page.body().contains("swagger-ui"), page.body());
        assertEquals(200, Api.at(base).as(null).page("webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").status());
    }
}
