package sensorhub.readings.boundary;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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
import sensorhub.time.control.Bucket;
import sensorhub.web.boundary.CsvBody;
import sensorhub.web.boundary.PageSize;

/** A sensor's readings in buckets, the way a chart needs them: {@code /api/sensors/{id}/series}. */
@Path("sensors/{id}/series")
@Produces({MediaType.APPLICATION_JSON, CsvBody.MEDIA_TYPE})
@Tag(ref = SensorHubApplication.READINGS)
public class SensorSeriesResource {

    @EJB
    Readings readings;

    @GET
    @Requires(Permission.READ)
    @Operation(operationId = "series", summary = "A sensor's readings in [from, to) summed up per bucket; as CSV with Accept: text/csv",
            description = "Without 'bucket', the smallest of the ladder that yields at most 'max_buckets' buckets. "
                    + "Buckets start at midnight in 'zone' and follow its clocks; 'mean' is exact; never stale.")
    @APIResponse(responseCode = "200", description = "One point per bucket that has readings, in time order",
            content = @Content(schema = @Schema(implementation = SeriesJson.class)))
    @APIResponse(responseCode = "400", description = "Bad times, bucket or zone, or more than 10000 buckets")
    @APIResponse(responseCode = "404", description = "No such sensor")
    public Response series(@PathParam("id") String id,
            @Parameter(description = "ISO instant, inclusive", required = true) @QueryParam("from") @NotNull Instant from,
            @Parameter(description = "ISO instant, exclusive", required = true) @QueryParam("to") @NotNull Instant to,
            @Parameter(description = "The bucket length", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"PT1S", "PT10S", "PT1M", "PT5M", "PT15M", "PT1H", "PT6H", "P1D", "P7D", "P1M"}))
            @QueryParam("bucket") Bucket bucket,
            @Parameter(description = "Most buckets, when the bucket is the server's choice", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000"))
            @QueryParam("max_buckets") @DefaultValue("1000") @PageSize(max = Bucket.MAX_BUCKETS) Integer maxBuckets,
            @Parameter(description = "IANA zone id the buckets follow",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "UTC"))
            @QueryParam("zone") @DefaultValue("UTC")
            ZoneId zone, @Context Request request) {
        SeriesJson series = readings.series(id, from, to, Optional.ofNullable(bucket), maxBuckets, zone);
        if (!CsvBody.isWanted(request)) {
            return Response.ok(series, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(CsvBody.of(List.of("start", "end", "count", "min", "max", "mean", "first", "last"),
                lines -> {
                    for (SeriesPointJson p : series.points()) {
                        lines.write(p.start(), p.end(), p.count(), p.min(), p.max(), p.mean(), p.first(),
                                p.last());
                    }
                }), CsvBody.MEDIA_TYPE).build();
    }

}
