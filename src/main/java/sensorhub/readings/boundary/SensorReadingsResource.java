package sensorhub.readings.boundary;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
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
import sensorhub.readings.entity.Reading;
import sensorhub.time.control.EpochMicros;
import sensorhub.time.control.TimeParameters;
import sensorhub.web.boundary.CsvBody;
import sensorhub.web.boundary.NextPage;
import sensorhub.web.boundary.PageSize;

/**
 * A sensor's readings in a time range: paged by key as JSON, streamed whole as CSV, or removed,
 * {@code /api/sensors/{id}/values}. (The original service's {@code /api/sensor_values} routes are
 * {@link SensorValuesResource}'s.)
 */
@Path("sensors/{id}/values")
@Produces({MediaType.APPLICATION_JSON, CsvBody.MEDIA_TYPE})
@Tag(ref = SensorHubApplication.READINGS)
public class SensorReadingsResource {

    static final int MAX_PAGE = 10_000;
    /** Readings read per step of a CSV export: it streams in constant memory, holding no connection between steps. */
    static final int EXPORT_PAGE = 10_000;

    @EJB
    Readings readings;

    @GET
    @Requires(Permission.READ)
    @Operation(operationId = "readingsBetween", summary = "A sensor's readings in [from, to), in time order",
            description = "As JSON paged by key: a Link header with rel=\"next\" names the next page when there is "
                    + "one. With Accept: text/csv the whole range streamed as sensor_id,creation_date,value, what "
                    + "POST /api/sensor_values takes, so an export re-imports unchanged.")
    public Response page(@PathParam("id") String id,
            @Parameter(description = "ISO instant, inclusive", required = true) @QueryParam("from") @NotNull
            String from,
            @Parameter(description = "ISO instant, exclusive", required = true) @QueryParam("to") @NotNull
            String to,
            @Parameter(description = "Page size (JSON)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + MAX_PAGE, defaultValue = "1000"))
            @QueryParam("limit") @DefaultValue("1000") @PageSize(max = MAX_PAGE) Integer limit,
            @Parameter(description = "The cursor from the previous page's next link",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") ReadingCursor after,
            @Context UriInfo uri, @Context Request request) {
        Instant start = TimeParameters.instant("from", from);
        Instant end = TimeParameters.instant("to", to);
        if (CsvBody.isWanted(request)) {
            return export(id, start, end);
        }
        List<Reading> page = readings.page(id, start, end, after, limit);
        Response.ResponseBuilder answer = Response.ok(page.stream().limit(limit).map(ReadingJson::from).toList(),
                MediaType.APPLICATION_JSON_TYPE);
        if (page.size() > limit) {
            String next = new ReadingCursor(page.get(limit - 1).creationMicros()).encode();
            answer.link(NextPage.of(uri, next), "next");
        }
        return answer.build();
    }

    private Response export(String id, Instant start, Instant end) {
        // The first page is read before the answer starts, so that an unknown sensor is still a 404.
        List<Reading> first = readings.page(id, start, end, null, EXPORT_PAGE);
        return Response.ok(CsvBody.of(List.of("sensor_id", "creation_date", "value"), lines -> {
            List<Reading> page = first;
            while (true) {
                for (Reading reading : page.subList(0, Math.min(page.size(), EXPORT_PAGE))) {
                    lines.write(id, EpochMicros.toInstant(reading.creationMicros()), reading.value());
                }
                if (page.size() <= EXPORT_PAGE) {
                    return;
                }
                page = readings.page(id, start, end, new ReadingCursor(page.get(EXPORT_PAGE - 1).creationMicros()),
                        EXPORT_PAGE);
            }
        }), CsvBody.MEDIA_TYPE).build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.DELETE)
    @Operation(operationId = "deleteReadings", summary = "Remove a sensor's readings in [from, to), all at once",
            description = "Kept statistics of the days touched go with them.")
    @APIResponse(responseCode = "200", description = "How many readings were removed",
            content = @Content(schema = @Schema(implementation = DeletedJson.class)))
    @APIResponse(responseCode = "400", description = "A bound missing or not an instant")
    @APIResponse(responseCode = "404", description = "No such sensor")
    public DeletedJson delete(@PathParam("id") String id,
            @Parameter(description = "ISO instant, inclusive", required = true) @QueryParam("from") @NotNull
            String from,
            @Parameter(description = "ISO instant, exclusive", required = true) @QueryParam("to") @NotNull
            String to) {
        return new DeletedJson(readings.delete(id, TimeParameters.instant("from", from),
                TimeParameters.instant("to", to)));
    }
}
