package sensorhub;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application: every resource lives under {@code /api} and needs an API key.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Sensor data service", version = "1.0",
                description = "Registers sensors, stores their time-stamped readings and answers daily statistics. "
                        + "Every /api request carries an API key in the X-API-KEY header."),
        security = @SecurityRequirement(name = "ApiKey"))
@SecurityScheme(securitySchemeName = "ApiKey", type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-KEY")
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
