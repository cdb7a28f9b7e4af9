package sensorhub.statistics.boundary;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.statistics.control.Percentiles;

/** A sensor's statistics over any range: {@code /api/sensors/{id}/statistics}. */
@Path("sensors/{id}/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class SensorStatisticsResource {

    @EJB
    RangeStatistics statistics;

    @GET
    @Requires(Permission.READ)
    public RangeStatisticsJson over(@PathParam("id") String id, @QueryParam("from") @NotNull Instant from,
            @QueryParam("to") @NotNull Instant to, @QueryParam("percentiles") String percentiles) {
        return statistics.of(id, from, to, Percentiles.parse(percentiles));
    }
}
