package sensorhub;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
}
