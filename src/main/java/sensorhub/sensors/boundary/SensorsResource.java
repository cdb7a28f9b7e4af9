package sensorhub.sensors.boundary;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.problems.boundary.Problem;
import sensorhub.sensors.entity.Sensor;
import sensorhub.web.boundary.Cursor;
import sensorhub.web.boundary.Page;
import sensorhub.web.boundary.PageSize;

/** The sensors resource: {@code /api/sensors}. */
@Path("sensors")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SensorsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    public static final int MAX_PAGE = 1000;

    @EJB
    Sensors sensors;

    @Context
    SecurityContext security;

    @GET
    @Requires(Permission.READ)
    public Response list(@QueryParam("location") String location, @QueryParam("type") String type,
            @QueryParam("active") Boolean active, @QueryParam("tag") List<String> tags,
            @QueryParam("limit") @DefaultValue("100") @PageSize(max = MAX_PAGE) Integer limit,
            @QueryParam("after") Cursor after, @Context UriInfo uri) {
        Page<Sensor> page = sensors.list(SensorFilter.of(location, type, active, tags),
                Optional.ofNullable(after), limit);
        return new Page<>(sensors.described(page.items()), page.next()).toResponse(uri);
    }

    @GET
    @Path("{id}")
    @Requires(Permission.READ)
    public SensorJson get(@PathParam("id") String id) {
        return sensors.described(sensors.find(id));
    }

    /** How the sensor's readings arrive, and when each way last brought one: for the dashboard. */
    @GET
    @Path("{id}/arrivals")
    @Requires(Permission.READ)
    public List<ArrivalJson> arrivals(@PathParam("id") String id) {
        return sensors.arrivals(id).stream().map(ArrivalJson::from).toList();
    }

    @POST
    @Requires(Permission.WRITE)
    public Response register(@NotNull List<@Valid @NotNull SensorJson> batch) {
        List<SensorJson> stored = sensors.described(sensors.register(batch, caller()));
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @PUT
    @Path("{id}")
    @Requires(Permission.WRITE)
    public SensorJson replace(@PathParam("id") String id, @Valid @NotNull SensorJson sensor) {
        return sensors.described(sensors.replace(id, sensor, caller()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MERGE_PATCH)
    @Requires(Permission.WRITE)
    public SensorJson patch(@PathParam("id") String id, @NotNull JsonObject patch) {
        return sensors.described(sensors.patch(id, Json.createMergePatch(patch), caller()));
    }

    /**
     * 204 without a body, so a refusal is the only body it can have: a client that accepts only
     * {@code application/problem+json} here (as OpenAPI Generator's clients ask) gets it, not a 406.
     */
    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Requires(Permission.DELETE)
    public void delete(@PathParam("id") String id) {
        sensors.delete(id);
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
