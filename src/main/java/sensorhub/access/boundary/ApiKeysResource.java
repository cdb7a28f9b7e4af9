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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sensorhub.SensorHubApplication;
import sensorhub.access.entity.Permission;

/** Managing API keys: admin only. */
@Path("api_keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ADMIN)
@Tag(ref = SensorHubApplication.API_KEYS)
public class ApiKeysResource {

    @EJB
    ApiKeys apiKeys;

    @POST
    @Operation(operationId = "createApiKey", summary = "Create an API key; its secret is in this answer only")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response create(@Valid @NotNull ApiKeyRequest request, @Context UriInfo uri) {
        ApiKeyJson created = ApiKeyJson.created(apiKeys.create(request.name(), request.permissionSet()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List the keys that are not revoked, without their secrets")
    public List<ApiKeyJson> list() {
        return apiKeys.active().stream().map(ApiKeyJson::from).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key; it fails from its next request on")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such active key")
    public void revoke(@PathParam("id") Long id) {
        apiKeys.revoke(id);
    }
}
