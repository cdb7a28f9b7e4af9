package sensorhub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sensorhub.client.ApiClient;
import sensorhub.client.ApiException;
import sensorhub.client.ApiResponse;
import sensorhub.client.api.ApiKeysApi;
import sensorhub.client.api.DailyAggregationsApi;
import sensorhub.client.api.ReadingsApi;
import sensorhub.client.api.SensorsApi;
import sensorhub.client.api.StatisticsApi;
import sensorhub.client.model.ApiKeyRequest;
import sensorhub.client.model.Bucket;
import sensorhub.client.model.DailyAggregation;
import sensorhub.client.model.NewApiKey;
import sensorhub.client.model.Permission;
import sensorhub.client.model.Problem;
import sensorhub.client.model.RangeStatistics;
import sensorhub.client.model.Reading;
import sensorhub.client.model.ReadingIn;
import sensorhub.client.model.Sensor;
import sensorhub.client.model.SensorInput;
import sensorhub.client.model.SensorPatch;
import sensorhub.client.model.Series;
import sensorhub.client.model.StoreOutcome;
import sensorhub.testing.Api;
import sensorhub.testing.BlackBoxTest;
import sensorhub.testing.Deployments;

/**
 * The main workflow through the Java client that OpenAPI Generator 7.25.0 ({@code java}, library {@code native})
 * made from the document at build time (pom: openapi-generator-maven-plugin), as a client's developer would use
 * it: register sensors, store readings as JSON and as CSV, read a day, a range page by page along the
 * {@code Link} header, a series and daily statistics, make a key and use its secret, read a refusal as a
 * {@code Problem}. The native library has no API key helper: the key goes in by its request interceptor.
 */
class OpenApiClientIT extends BlackBoxTest {

    private static final String DAY = "2026-04-20";
    private static final OffsetDateTime FROM = OffsetDateTime.parse(DAY + "T00:00:00Z");
    private static final OffsetDateTime TO = FROM.plusDays(1);

    @Test
    void runsTheMainWorkflowThroughTheGeneratedClient() throws Exception {
        ApiClient admin = client(Api.ADMIN_KEY);
        String id = Deployments.unique("oa");
        SensorsApi sensors = new SensorsApi(admin);

        List<Sensor> registered = sensors.registerSensors(List.of(new SensorInput().id(id).name("Air")
                .type("temperature").unit("°C").location("greenhouse")));
        assertEquals(id, registered.get(0).getId());
        Sensor renamed = sensors.patchSensor(id, new SensorPatch().name("Air at the door"));
        assertEquals("Air at the door", renamed.getName());
        assertTrue(renamed.getActive(), "a merge patch without 'active' leaves it as it was");
        assertNotNull(sensors.getSensor(id).getUpdatedAt());

        ReadingsApi readings = new ReadingsApi(admin);
        StoreOutcome json = readings.storeReadings(List.of(reading(id, "T08:00:00Z", 20.5),
                reading(id, "T08:30:00Z", 21.5), reading(id, "T09:00:00Z", 22.5)));
        assertEquals(3, json.getInserted());
        StoreOutcome csv = storeCsv(admin, "sensor_id,creation_date,value\n" + id + "," + DAY + "T09:30:00Z,23.5\n"
                + id + "," + DAY + "T08:00:00Z,20.5\n");
        assertEquals(1, csv.getInserted());
        assertEquals(1, csv.getUnchanged());

        assertEquals(List.of(20.5, 21.5, 22.5, 23.5), readings.readingsOfDay(id, LocalDate.parse(DAY), null)
                .getValues());
        assertEquals(List.of(20.5, 21.5, 22.5, 23.5), allPages(readings, id));
        Series series = readings.series(id, FROM, TO, Bucket.PT1_H, null, "UTC", "50", "null");
        assertEquals(Bucket.PT1_H, series.getBucket());
        assertTrue(series.getPoints().size() > 2, "every hour of the range, filled");
        series = readings.series(id, FROM, TO, Bucket.PT1_H, null, "UTC", null, null);
        assertEquals(2, series.getPoints().size());
        assertEquals(2L, series.getPoints().get(0).getCount());
        assertEquals(OffsetDateTime.parse(DAY + "T08:00:00Z").toInstant(),
                series.getPoints().get(0).getStart().toInstant());

        RangeStatistics statistics = new StatisticsApi(admin).statistics(id, FROM, TO, "25,50,99.9");
        assertEquals(4L, statistics.getCount());
        assertEquals(22.0, statistics.getPercentiles().get("50"));

        List<DailyAggregation> days = new DailyAggregationsApi(admin).aggregationsBetween(id, LocalDate.parse(DAY),
                LocalDate.parse(DAY), null);
        assertEquals(1, days.size());
        assertEquals(4L, days.get(0).getCount());
        assertEquals(22.0, days.get(0).getMedian());

        NewApiKey reader = new ApiKeysApi(admin).createApiKey(new ApiKeyRequest()
                .name(Deployments.unique("oa")).permissions(List.of(Permission.READ)));
        assertEquals(reader.getCreatedAt(), new ApiKeysApi(admin).getApiKey(reader.getId()).getCreatedAt());
        assertEquals("Air at the door", new SensorsApi(client(reader.getKey())).getSensor(id).getName());

        ApiException refused = assertThrows(ApiException.class, () -> new SensorsApi(client(reader.getKey()))
                .deleteSensor(id));
        Problem problem = admin.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(403, refused.getCode());
        assertEquals(403, problem.getStatus());
        assertTrue(problem.getDetail().contains("delete"), problem.getDetail());
        ApiException invalid = assertThrows(ApiException.class, () -> readings.storeReadings(List.of(
                reading(Deployments.unique("oa"), "T10:00:00Z", 1))));
        Problem unknown = admin.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertEquals(422, unknown.getStatus());
        assertEquals("[0].sensor_id", unknown.getErrors().get(0).getField());
    }

    @Test
    void patchesAnInactiveSensorWithoutActivatingIt() throws ApiException {
        ApiClient admin = client(Api.ADMIN_KEY);
        String id = Deployments.unique("oa");
        SensorsApi sensors = new SensorsApi(admin);
        sensors.registerSensors(List.of(new SensorInput().id(id).name("Air").type("t").unit("u").active(false)));

        Sensor renamed = sensors.patchSensor(id, new SensorPatch().name("Renamed").location(null));

        assertFalse(renamed.getActive());
        assertNull(renamed.getLocation());
    }

    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/+$", ""));
        client.setRequestInterceptor(request -> request.header("X-API-KEY", key));
        return client;
    }

    private static ReadingIn reading(String sensor, String time, double value) {
        return new ReadingIn().sensorId(sensor).creationDate(OffsetDateTime.parse(DAY + time)).value(value);
    }

    /** Every reading of the day, a page of two at a time, following each answer's Link rel="next". */
    private static List<Double> allPages(ReadingsApi readings, String id) throws ApiException {
        List<Double> values = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ApiResponse<List<Reading>> page = readings.readingsBetweenWithHttpInfo(id, FROM, TO, 2, after);
            page.getData().forEach(r -> values.add(r.getValue()));
            after = next(page).orElse(null);
            pages++;
        } while (after != null);
        assertEquals(2, pages);
        return values;
    }

    /** The {@code after} of the next page's link, if there is one. */
    private static Optional<String> next(ApiResponse<?> page) {
        return page.getHeaders().getOrDefault("link", page.getHeaders().getOrDefault("Link", List.of())).stream()
                .flatMap(v -> Arrays.stream(v.split(","))).filter(v -> v.contains("rel=\"next\""))
                .map(v -> URI.create(v.substring(v.indexOf('<') + 1, v.indexOf('>'))).getRawQuery())
                .flatMap(q -> Arrays.stream(q.split("&"))).filter(p -> p.startsWith("after="))
                .map(p -> URLDecoder.decode(p.substring("after=".length()), StandardCharsets.UTF_8)).findFirst();
    }

    /**
     * A CSV batch, the other media type of the one store operation. The generator binds a request body to its
     * first media type only (JSON here), so the CSV goes through the generated client's own HTTP client, base
     * address and interceptor, and its answer is read into the generated model.
     */
    private static StoreOutcome storeCsv(ApiClient client, String csv) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/sensor_values"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv));
        client.getRequestInterceptor().accept(request);
        HttpResponse<InputStream> answer = client.getHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(201, answer.statusCode());
        try (InputStream body = answer.body()) {
            return client.getObjectMapper().readValue(body, StoreOutcome.class);
        }
    }
}
