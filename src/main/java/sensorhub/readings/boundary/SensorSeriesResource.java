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
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.time.control.Bucket;
import sensorhub.web.boundary.CsvBody;
import sensorhub.web.boundary.PageSize;

/** A sensor's readings in buckets, the way a chart needs them: {@code /api/sensors/{id}/series}. */
@Path("sensors/{id}/series")
@Produces({MediaType.APPLICATION_JSON, CsvBody.MEDIA_TYPE})
public class SensorSeriesResource {

    @EJB
    Readings readings;

    @GET
    @Requires(Permission.READ)
    public Response series(@PathParam("id") String id, @QueryParam("from") @NotNull Instant from,
            @QueryParam("to") @NotNull Instant to, @QueryParam("bucket") Bucket bucket,
            @QueryParam("max_buckets") @DefaultValue("1000") @PageSize(max = Bucket.MAX_BUCKETS) Integer maxBuckets,
            @QueryParam("zone") @DefaultValue("UTC") ZoneId zone, @Context Request request) {
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
