package sensorhub.metrics.boundary;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;

/**
 * This instance's meters for Prometheus: {@code /api/metrics}, because Payara and Liberty keep {@code /metrics}
 * for their own. The text format, or OpenMetrics where the scraper asks for it; Micrometer writes both.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    @Inject
    PrometheusMeterRegistry registry;

    @GET
    @Produces({TEXT, OPENMETRICS})
    @Requires(Permission.ADMIN)
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
        return Response.ok(registry.scrape(type)).type(type).build();
    }
}
