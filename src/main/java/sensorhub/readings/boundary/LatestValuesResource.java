package sensorhub.readings.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.sensors.boundary.SensorFilter;
import sensorhub.sensors.boundary.SensorsResource;
import sensorhub.web.boundary.Cursor;
import sensorhub.web.boundary.PageSize;

/** The newest reading of each sensor, for an overview: {@code /api/latest_values}. */
@Path("latest_values")
@Produces(MediaType.APPLICATION_JSON)
public class LatestValuesResource {

    @EJB
    Readings readings;

    @GET
    @Requires(Permission.READ)
    public Response latest(@QueryParam("location") String location, @QueryParam("type") String type,
            @QueryParam("active") Boolean active, @QueryParam("tag") List<String> tags,
            @QueryParam("limit") @DefaultValue("100") @PageSize(max = SensorsResource.MAX_PAGE) Integer limit,
            @QueryParam("after") Cursor after, @Context UriInfo uri) {
        return readings.latest(SensorFilter.of(location, type, active, tags), Optional.ofNullable(after), limit)
                .toResponse(uri);
    }
}
