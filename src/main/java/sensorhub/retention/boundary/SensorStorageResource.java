package sensorhub.retention.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;

/** How much a sensor's readings take and how long they are kept: {@code /api/sensors/{id}/storage}. */
@Path("sensors/{id}/storage")
@Produces(MediaType.APPLICATION_JSON)
public class SensorStorageResource {

    @EJB
    SensorStorage storage;

    @GET
    @Requires(Permission.READ)
    public StorageJson storage(@PathParam("id") String id) {
        return storage.of(id);
    }
}
