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
import java.util.Optional;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.blocks.entity.Reading;
import sensorhub.time.control.EpochMicros;
import sensorhub.web.boundary.CsvBody;
import sensorhub.web.boundary.Cursor;
import sensorhub.web.boundary.Page;
import sensorhub.web.boundary.PageSize;

/**
 * A sensor's readings in a time range: paged by key as JSON, streamed whole as CSV, or removed,
 * {@code /api/sensors/{id}/values}. (The original service's {@code /api/sensor_values} routes are
 * {@link SensorValuesResource}'s.)
 */
@Path("sensors/{id}/values")
@Produces({MediaType.APPLICATION_JSON, CsvBody.MEDIA_TYPE})
public class SensorReadingsResource {

    static final int MAX_PAGE = 10_000;
    /** Readings read per step of a CSV export: it streams in constant memory, holding no connection between steps. */
    static final int EXPORT_PAGE = 10_000;

    @EJB
    Readings readings;

    @GET
    @Requires(Permission.READ)
    public Response page(@PathParam("id") String id, @QueryParam("from") @NotNull Instant from,
            @QueryParam("to") @NotNull Instant to,
            @QueryParam("limit") @DefaultValue("1000") @PageSize(max = MAX_PAGE) Integer limit,
            @QueryParam("after") Cursor after,
            @Context UriInfo uri, @Context Request request) {
        if (CsvBody.isWanted(request)) {
            return export(id, from, to);
        }
        return readings.page(id, from, to, Optional.ofNullable(after), limit).map(ReadingJson::from).toResponse(uri);
    }

    private Response export(String id, Instant from, Instant to) {
        // The first page is read before the answer starts, so that an unknown sensor is still a 404.
        Page<Reading> first = readings.page(id, from, to, Optional.empty(), EXPORT_PAGE);
        return Response.ok(CsvBody.of(List.of("sensor_id", "creation_date", "value"), lines -> {
            for (Page<Reading> page = first;; page = readings.page(id, from, to, page.next(), EXPORT_PAGE)) {
                for (Reading reading : page.items()) {
                    lines.write(id, EpochMicros.toInstant(reading.creationMicros()), reading.value());
                }
                if (page.next().isEmpty()) {
                    return;
                }
            }
        }), CsvBody.MEDIA_TYPE).build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.DELETE)
    public DeletedJson delete(@PathParam("id") String id, @QueryParam("from") @NotNull Instant from,
            @QueryParam("to") @NotNull Instant to) {
        return new DeletedJson(readings.delete(id, from, to));
    }
}
