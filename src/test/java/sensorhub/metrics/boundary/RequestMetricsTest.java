package sensorhub.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

    @Path("sensors")
    static class Sensors {
        @GET
        public void list() {
        }

        @GET
        @Path("{id}")
        public void one() {
        }

        @GET
        @Path("/{id}/values/")
        public void values() {
        }
    }

    @Test
    void joinsTheApplicationsClasssAndMethodsPathsIntoOneTemplate() throws NoSuchMethodException {
        assertEquals("/api/sensors", RequestMetrics.template(Sensors.class, Sensors.class.getMethod("list")));
        assertEquals("/api/sensors/{id}", RequestMetrics.template(Sensors.class, Sensors.class.getMethod("one")));
        assertEquals("/api/sensors/{id}/values",
                RequestMetrics.template(Sensors.class, Sensors.class.getMethod("values")));
    }
}
