package sensorhub.aggregations.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
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
import sensorhub.time.control.DayWindow;

/** One day's statistics of a sensor: {@code /api/daily_aggregations}, the original service's route. */
@Path("daily_aggregations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = SensorHubApplication.DAILY_AGGREGATIONS)
public class DailyAggregationsResource {

    @EJB
    DailyAggregations aggregates;

    @GET
    @Path("{sensor_id}/{date}")
    @Requires(Permission.READ)
    @Operation(operationId = "aggregationOfDay", summary = "Count, min, quartiles (numpy's linear method), max and mean of a sensor's day",
            description = "A day without readings answers count 0 and null statistics.")
    @APIResponse(responseCode = "200", description = "The day's statistics",
            content = @Content(schema = @Schema(implementation = AggregationJson.class)))
    @APIResponse(responseCode = "404", description = "No such sensor")
    public AggregationJson ofDay(@PathParam("sensor_id") String sensorId,
            @Parameter(description = "YYYY-MM-DD", required = true) @PathParam("date") LocalDate date,
            @Parameter(description = "IANA zone id the day is in",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "UTC"))
            @QueryParam("zone") @DefaultValue("UTC")
            ZoneId zone) {
        var found = aggregates.ofDay(sensorId, DayWindow.of(date, zone));
        return AggregationJson.from(found.days().get(0), found.unit());
    }
}
