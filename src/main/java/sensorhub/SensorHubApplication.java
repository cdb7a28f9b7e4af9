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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application: every resource lives under {@code /api} and needs an API key. The OpenAPI document's
 * tags are declared here, once; a resource class names its tag with {@code @Tag(ref = ...)}, because a
 * {@code @Tag(name = ...)} on a class adds the tag to the document again on Payara, once per class.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Sensor data service", version = "1.0",
                description = "Registers sensors, stores their time-stamped readings and answers daily statistics. "
                        + "Every /api request carries an API key in the X-API-KEY header."),
        security = @SecurityRequirement(name = "ApiKey"),
        tags = {
            @Tag(name = SensorHubApplication.SENSORS,
                    description = "Registering, listing, changing and deleting sensors"),
            @Tag(name = SensorHubApplication.READINGS,
                    description = "Readings in as atomic batches, out by day or time range"),
            @Tag(name = SensorHubApplication.DAILY_AGGREGATIONS,
                    description = "Count, min, quartiles, max and mean of a sensor's days"),
            @Tag(name = SensorHubApplication.API_KEYS, description = "Managing API keys: admin only"),
            @Tag(name = SensorHubApplication.METRICS,
                    description = "This instance's meters for Prometheus: admin only")})
@SecurityScheme(securitySchemeName = "ApiKey", type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-KEY")
public class SensorHubApplication extends Application {

    /** The tags of the OpenAPI document, for {@code @Tag(ref = ...)} on the resource classes. */
    public static final String SENSORS = "Sensors";
    public static final String READINGS = "Readings";
    public static final String DAILY_AGGREGATIONS = "Daily aggregations";
    public static final String API_KEYS = "API keys";
    public static final String METRICS = "Metrics";

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
