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
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.web.boundary.CsvBody;

/**
 * A sensor's daily statistics over a range of days: {@code /api/sensors/{id}/daily_aggregations}. (One day's,
 * the original service's route, are {@link DailyAggregationsResource}'s.)
 */
@Path("sensors/{id}/daily_aggregations")
@Produces({MediaType.APPLICATION_JSON, CsvBody.MEDIA_TYPE})
public class SensorDailyAggregationsResource {

    @EJB
    DailyAggregations aggregates;

    @GET
    @Requires(Permission.READ)
    public Response between(@PathParam("id") String id, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to, @QueryParam("zone") @DefaultValue("UTC") ZoneId zone,
            @Context Request request) {
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
