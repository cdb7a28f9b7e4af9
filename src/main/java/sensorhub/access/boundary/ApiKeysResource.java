package sensorhub.access.boundary;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import sensorhub.access.entity.Permission;
import sensorhub.problems.boundary.Problem;

/** Managing API keys: admin only. */
@Path("api_keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ADMIN)
public class ApiKeysResource {

    @EJB
    ApiKeys apiKeys;

    @POST
    public Response create(@Valid @NotNull ApiKeyRequest request, @Context UriInfo uri) {
        ApiKeyJson created = ApiKeyJson.created(apiKeys.create(request.name(), request.permissionSet()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    public List<ApiKeyJson> list() {
        return apiKeys.active().stream().map(ApiKeyJson::from).toList();
    }

    /** The key that {@code POST}'s {@code Location} names: only an admin reads it, and never its secret. */
    @GET
    @Path("{id}")
    public ApiKeyJson get(@PathParam("id") Long id) {
        return ApiKeyJson.from(apiKeys.find(id));
    }

    /**
     * 204 without a body, so a refusal is the only body it can have: a client that accepts only
     * {@code application/problem+json} here (as OpenAPI Generator's clients ask) gets it, not a 406.
     */
    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public void revoke(@PathParam("id") Long id) {
        apiKeys.revoke(id);
    }
}
