package sensorhub.aggregations.boundary;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import sensorhub.web.boundary.CsvBody;

/**
 * A sensor's daily statistics over a range of days: {@code /api/sensors/{id}/daily_aggregations}. (One day's,
 * the original service's route, are {@link DailyAggregationsResource}'s.)
 */
@Path("sensors/{id}/daily_aggregations")
@Produces({MediaType.APPLICATION_JSON, CsvBody.MEDIA_TYPE})
@Tag(ref = SensorHubApplication.DAILY_AGGREGATIONS)
public class SensorDailyAggregationsResource {

    @EJB
    DailyAggregations aggregates;

    @GET
    @Requires(Permission.READ)
    @Operation(operationId = "aggregationsBetween", summary = "The statistics of each day from 'from' to 'to' (inclusive) that has readings",
            description = "At most sensors.aggregations.max-days days (default 366) per request. With Accept: "
                    + "text/csv as CSV: date,count,min_val,q1,median,q3,max_val,mean,unit.")
    @APIResponse(responseCode = "200", description = "One element per day with readings, ascending",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AggregationJson.class)))
    @APIResponse(responseCode = "400", description = "Bad dates or zone, or more days than allowed")
    @APIResponse(responseCode = "404", description = "No such sensor")
    public Response between(@PathParam("id") String id,
            @Parameter(description = "YYYY-MM-DD, inclusive") @QueryParam("from") @NotNull LocalDate from,
            @Parameter(description = "YYYY-MM-DD, inclusive") @QueryParam("to") @NotNull LocalDate to,
            @Parameter(description = "IANA zone id the days are in",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "UTC"))
            @QueryParam("zone") @DefaultValue("UTC")
            ZoneId zone, @Context Request request) {
        var found = aggregates.between(id, from, to, zone);
        List<AggregationJson> days = found.days().stream().map(day -> AggregationJson.from(day, found.unit())).toList();
        if (!CsvBody.isWanted(request)) {
            return Response.ok(days, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(CsvBody.of(List.of("date", "count", "min_val", "q1", "median", "q3", "max_val", "mean",
                "unit"), lines -> {
                    for (AggregationJson d : days) {
                        lines.write(d.date(), d.count(), d.minVal(), d.q1(), d.median(), d.q3(), d.maxVal(),
                                d.mean(), d.unit());
                    }
                }), CsvBody.MEDIA_TYPE).build();
    }

}
