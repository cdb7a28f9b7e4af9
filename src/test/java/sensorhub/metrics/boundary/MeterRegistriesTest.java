package sensorhub.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sensorhub.meters.control.Meters;

/** The registry's life with the application, and what the text it serves holds. */
class MeterRegistriesTest {

    @Test
    void servesTheServicesAndTheJvmsMetersInPrometheusTextWhileStarted() {
        MeterRegistries registries = new MeterRegistries();
        registries.start();
        try {
            Meters.request("GET", "/api/sensors/{id}", 200, 3_000_000);
            String text = registries.prometheus().scrape(MetricsResource.TEXT);

            assertTrue(text.contains("sensorhub_http_requests_seconds_count{method=\"GET\",route=\"/api/sensors/{id}\","
                    + "status=\"200\"} 1"), text);
            assertTrue(text.contains("sensorhub_db_conflicts_retried_total{kind=\"deadlock\"} 0"), text);
            assertTrue(text.contains("sensorhub_readings_ingested_total{outcome=\"inserted\"}"), text);
            assertTrue(text.contains("jvm_memory_used_bytes"), text);
            assertTrue(text.contains("process_uptime_seconds"), text);
        } finally {
            registries.stop();
        }
    }

    @Test
    void keepsTheLatencyHistogramsToAFewDozenBuckets() {
        MeterRegistries registries = new MeterRegistries();
        registries.start();
        try {
            Meters.request("POST", "/api/sensor_values", 201, 50_000_000);
            String text = registries.prometheus().scrape(MetricsResource.TEXT);
            long buckets = Arrays.stream(text.split("\n"))
                    .filter(line -> line.startsWith("sensorhub_http_requests_seconds_bucket{")
                            && line.contains("route=\"/api/sensor_values\""))
                    .count();

            assertTrue(buckets > 10 && buckets <= 16, buckets + " buckets");
        } finally {
            registries.stop();
        }
    }

    @Test
    void leavesTheDeploymentsCompositeWhenStopped() {
        MeterRegistries registries = new MeterRegistries();
        registries.start();
        Meters.request("GET", "/api/sensors", 200, 1_000_000);
        assertTrue(registries.prometheus().scrape(MetricsResource.TEXT).contains("route=\"/api/sensors\""));

        registries.stop();
        MeterRegistries next = new MeterRegistries();
        next.start();
        try {
            assertFalse(next.prometheus().scrape(MetricsResource.TEXT).contains("route=\"/api/sensors\""),
                    "a stopped deployment's meters do not reach the next registry");
        } finally {
            next.stop();
        }
    }

    @Test
    void writesOpenMetricsWhenAskedFor() {
        MeterRegistries registries = new MeterRegistries();
        registries.start();
        try {
            String text = registries.prometheus().scrape(MetricsResource.OPENMETRICS);
            assertTrue(text.endsWith("# EOF\n"), text);
        } finally {
            registries.stop();
        }
    }
}
