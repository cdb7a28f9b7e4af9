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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sensorhub.SensorHubApplication;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;

/**
 * This instance's meters for Prometheus: {@code /api/metrics}, because Payara and Liberty keep {@code /metrics}
 * for their own. The text format, or OpenMetrics where the scraper asks for it; Micrometer writes both.
 */
@Path("metrics")
@RequestScoped
@Tag(ref = SensorHubApplication.METRICS)
public class MetricsResource {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    @Inject
    PrometheusMeterRegistry registry;

    @GET
    @Produces({TEXT, OPENMETRICS})
    @Requires(Permission.ADMIN)
    @Operation(operationId = "scrapeMetrics", summary = "This instance's meters in Prometheus' text format",
            description = "Requests by method, route template and status with latency histograms, readings "
                    + "ingested, statistics kept or computed, key checks, connection waits, retried conflicts, "
                    + "admission refusals, and the JVM's memory, GC, threads and uptime. OpenMetrics text when "
                    + "the Accept header asks for application/openmetrics-text.")
    @APIResponse(responseCode = "200", description = "The meters",
            content = {@Content(mediaType = TEXT, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = OPENMETRICS, schema = @Schema(type = SchemaType.STRING))})
    public Response scrape(@Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
        return Response.ok(registry.scrape(type)).type(type).build();
    }
}
