package sensorhub.readings.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.time.control.DayWindow;
import sensorhub.web.boundary.CsvBody;

/** Readings in and a day of them out: {@code /api/sensor_values}, the original service's routes. */
@Path("sensor_values")
@Produces(MediaType.APPLICATION_JSON)
public class SensorValuesResource {

    private static final MediaType CSV = MediaType.valueOf(CsvBody.MEDIA_TYPE);

    @EJB
    Readings readings;

    /** One operation for both forms of a batch, told apart by the body's media type. */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, CsvBody.MEDIA_TYPE})
    @Requires(Permission.WRITE)
    public Response store(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength) {
        StoreOutcome stored = CSV.isCompatible(type) ? readings.storeCsv(body, contentLength)
                : readings.storeJson(body, contentLength);
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Path("{sensor_id}/{date}")
    @Requires(Permission.READ)
    public DayValuesJson ofDay(@PathParam("sensor_id") String sensorId, @PathParam("date") LocalDate date,
            @QueryParam("zone") @DefaultValue("UTC") ZoneId zone) {
        return readings.ofDay(sensorId, DayWindow.of(date, zone));
    }
}
