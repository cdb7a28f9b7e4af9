package sensorhub;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application: every resource lives under {@code /api} and needs an API key. Its contract for machines
 * is the hand-kept OpenAPI document {@code META-INF/openapi.yaml}, which every server serves at {@code /openapi}.
 */
@ApplicationPath("api")
public class SensorHubApplication extends Application {

    /**
     * Jersey (Payara) answers {@code OPTIONS} and {@code /api/application.wadl} with a WADL document that lays
     * out every resource and names Jersey's version; the contract is the OpenAPI document. Other runtimes ignore
     * the property.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
