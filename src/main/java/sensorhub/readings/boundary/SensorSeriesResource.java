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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import sensorhub.access.boundary.Requires;
import sensorhub.access.entity.Permission;
import sensorhub.readings.control.Fill;
import sensorhub.statistics.control.Percentiles;
import sensorhub.statistics.control.Percentiles.Percentile;
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
            @QueryParam("zone") @DefaultValue("UTC") ZoneId zone, @QueryParam("percentiles") String percentiles,
            @QueryParam("fill") String fill, @Context Request request) {
        List<Percentile> asked = Percentiles.parse(percentiles);
        SeriesJson series = readings.series(id, from, to, Optional.ofNullable(bucket), maxBuckets, zone, asked,
                Fill.of(fill));
        if (!CsvBody.isWanted(request)) {
            return Response.ok(series, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<String> header = new ArrayList<>(List.of("start", "end", "count", "min", "max", "mean", "first",
                "last"));
        asked.forEach(p -> header.add("p" + p.name()));
        return Response.ok(CsvBody.of(header, lines -> {
            for (SeriesPointJson p : series.points()) {
                List<Object> fields = new ArrayList<>(List.of(p.start(), p.end(), p.count()));
                fields.addAll(Arrays.asList(p.min(), p.max(), p.mean(), p.first(), p.last()));
                if (p.percentiles() != null) {
                    fields.addAll(p.percentiles().values());
                }
                lines.write(fields.toArray());
            }
        }), CsvBody.MEDIA_TYPE).build();
    }

}
