package sensorhub.metrics.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sensorhub.SensorHubApplication;
import sensorhub.meters.control.Meters;

/**
 * Times every API request and counts it by method, route template and status ({@code sensorhub_http_requests}).
 * The clock starts before matching, so requests that {@code ApiKeyFilter} refuses (401, 403) or that match no
 * route are timed too; it stops when the answer's head is ready (a streamed body's writing is not in it). The
 * route is the resource method's {@code @Path} templates, read from its annotations (portable: JAX-RS offers no
 * matched template), once per method; a request no method took is {@value Meters#UNMATCHED}.
 * {@code web.boundary.Admission} counts the requests it turns away before they reach JAX-RS.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START_NANOS = RequestMetrics.class.getName() + ".startNanos";
    private static final String API = SensorHubApplication.class.getAnnotation(ApplicationPath.class).value();

    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START_NANOS, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        long nanos = request.getProperty(START_NANOS) instanceof Long start ? System.nanoTime() - start : 0;
        Meters.request(request.getMethod(), route(), response.getStatus(), nanos);
    }

    private String route() {
        Method method;
        Class<?> type;
        try {
            method = resource.getResourceMethod();
            type = resource.getResourceClass();
        } catch (RuntimeException unmatched) {
            return Meters.UNMATCHED; // RESTEasy's proxy throws where it has no resource for the request
        }
        return method == null || type == null ? Meters.UNMATCHED
                : routes.computeIfAbsent(method, m -> template(type, m));
    }

    /** {@code /api/sensors/{id}}: the application's path, then the class's and the method's, if any. */
    static String template(Class<?> type, Method method) {
        StringBuilder template = new StringBuilder();
        String[] parts = {API, path(type.getAnnotation(Path.class)), path(method.getAnnotation(Path.class))};
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                template.append('/').append(trimmed);
            }
        }
        return template.length() == 0 ? "/" : template.toString();
    }

    private static String path(Path path) {
        return path == null ? "" : path.value();
    }
}
