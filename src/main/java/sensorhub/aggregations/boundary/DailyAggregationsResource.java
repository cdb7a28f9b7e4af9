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
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.time.control.DayWindow;

/** One day's statistics of a sensor: {@code /api/daily_aggregations}, the original service's route. */
@Path("daily_aggregations")
@Produces(MediaType.APPLICATION_JSON)
public class DailyAggregationsResource {

    @EJB
    DailyAggregations aggregates;

    @GET
    @Path("{sensor_id}/{date}")
    @Requires(Permission.READ)
    public AggregationJson ofDay(@PathParam("sensor_id") String sensorId, @PathParam("date") LocalDate date,
            @QueryParam("zone") @DefaultValue("UTC") ZoneId zone) {
        var found = aggregates.ofDay(sensorId, DayWindow.of(date, zone));
        return AggregationJson.from(found.days().get(0), found.unit());
    }
}
