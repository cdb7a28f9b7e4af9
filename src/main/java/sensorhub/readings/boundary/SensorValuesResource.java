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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sensorhub.SensorHubApplication;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.time.control.DayWindow;

/** Readings in and a day of them out: {@code /api/sensor_values}, the original service's routes. */
@Path("sensor_values")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = SensorHubApplication.READINGS)
public class SensorValuesResource {

    static final String CSV = "text/csv";

    @EJB
    Readings readings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WRITE)
    @Operation(operationId = "storeReadings", summary = "Store a batch of readings, all or none",
            description = "Re-sending a stored reading with the same value is counted as unchanged.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReadingInJson[].class)))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = StoreOutcome.class)))
    @APIResponse(responseCode = "409", description = "A reading exists with another value; nothing was stored")
    @APIResponse(responseCode = "413", description = "More readings than sensors.readings.max-batch")
    @APIResponse(responseCode = "422", description = "Unknown sensors, named by item; nothing was stored")
    public Response storeJson(InputStream body, @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH)
            String contentLength) {
        return Response.status(Response.Status.CREATED).entity(readings.storeJson(body, contentLength)).build();
    }

    @POST
    @Consumes(CSV)
    @Requires(Permission.WRITE)
    @Operation(summary = "Store a batch of readings from CSV with the header sensor_id,creation_date,value")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi
            .annotations.enums.SchemaType.STRING, example = "sensor_id,creation_date,value\ns1,2026-11-28T09:30:00Z,21.5")))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = StoreOutcome.class)))
    public Response storeCsv(InputStream body, @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH)
            String contentLength) {
        return Response.status(Response.Status.CREATED).entity(readings.storeCsv(body, contentLength)).build();
    }

    @GET
    @Path("{sensor_id}/{date}")
    @Requires(Permission.READ)
    @Operation(operationId = "readingsOfDay", summary = "A sensor's values of one day, in time order")
    @APIResponse(responseCode = "200", description = "The values and their unit",
            content = @Content(schema = @Schema(implementation = DayValuesJson.class)))
    @APIResponse(responseCode = "404", description = "No such sensor")
    public DayValuesJson ofDay(@PathParam("sensor_id") String sensorId,
            @Parameter(description = "YYYY-MM-DD", required = true) @PathParam("date") LocalDate date,
            @Parameter(description = "IANA zone id the day is in",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "UTC"))
            @QueryParam("zone") @DefaultValue("UTC")
            ZoneId zone) {
        return readings.ofDay(sensorId, DayWindow.of(date, zone));
    }
}
