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
import java.util.Optional;
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
import sensorhub.sensors.boundary.SensorFilter;
import sensorhub.sensors.boundary.SensorsResource;
import sensorhub.web.boundary.Cursor;
import sensorhub.web.boundary.PageSize;

/** The newest reading of each sensor, for an overview: {@code /api/latest_values}. */
@Path("latest_values")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = SensorHubApplication.READINGS)
public class LatestValuesResource {

    @EJB
    Readings readings;

    @GET
    @Requires(Permission.READ)
    @Operation(operationId = "latestValues", summary = "The newest reading of each sensor that has one",
            description = "Sensors are filtered and paged as by GET /api/sensors: a page of sensors, without "
                    + "those that have no reading, and a Link header with rel=\"next\" when there are more.")
    @APIResponse(responseCode = "200", description = "One element per sensor of the page with readings",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LatestValueJson.class)))
    public Response latest(@QueryParam("location") String location, @QueryParam("type") String type,
            @QueryParam("active") Boolean active,
            @Parameter(description = "Sensors per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + SensorsResource.MAX_PAGE, defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100") @PageSize(max = SensorsResource.MAX_PAGE) Integer limit,
            @Parameter(description = "The cursor from the previous page's next link",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") Cursor after,
            @Context UriInfo uri) {
        return readings.latest(new SensorFilter(location, type, active), Optional.ofNullable(after), limit)
                .toResponse(uri);
    }
}
