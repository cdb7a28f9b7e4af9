package sensorhub.access.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Optional;
import sensorhub.access.entity.Caller;
import sensorhub.access.entity.Permission;
import sensorhub.problems.boundary.Problem;

/**
 * Checks the API key of every {@code /api} request against the permission its resource method
 * {@link Requires requires}: 401 for a missing, unknown or revoked key, 403 for a key without the permission.
 * The caller it found becomes the request's {@link jakarta.ws.rs.core.SecurityContext} principal.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-API-KEY";
    static final String SCHEME = "ApiKey";
    private static final String CHECK_NANOS = ApiKeyFilter.class.getName() + ".checkNanos";

    @Context
    ResourceInfo resource;

    @EJB
    ApiKeys apiKeys;

    @Override
    public void filter(ContainerRequestContext request) {
        long start = System.nanoTime();
        String secret = request.getHeaderString(HEADER);
        Optional<Caller> caller = secret == null || secret.isBlank() ? Optional.empty() : apiKeys.check(secret);
        if (caller.isEmpty()) {
            request.abortWith(unauthenticated(secret == null || secret.isBlank()));
            return;
        }
        Permission needed = needed();
        if (!caller.get().may(needed)) {
            request.abortWith(Problem.of(Status.FORBIDDEN,
                    "This API key lacks the '" + needed.jsonName() + "' permission.").toResponse());
            return;
        }
        request.setSecurityContext(new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
        request.setProperty(CHECK_NANOS, System.nanoTime() - start);
    }

    /**
     * Tells an authenticated caller what the key check cost (W3C Server-Timing), so that its share of the
     * answer time can be watched from outside.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CHECK_NANOS) instanceof Long nanos) {
            response.getHeaders().add("Server-Timing", "auth;dur=" + String.format(Locale.ROOT, "%.3f", nanos / 1e6));
        }
    }

    private Permission needed() {
        Requires onMethod = resource.getResourceMethod().getAnnotation(Requires.class);
        Requires onClass = resource.getResourceClass().getAnnotation(Requires.class);
        return onMethod != null ? onMethod.value() : onClass != null ? onClass.value() : Permission.ADMIN;
    }

    private static Response unauthenticated(boolean missing) {
        String detail = missing ? "The " + HEADER + " header with an API key is missing."
                : "The API key is unknown or revoked.";
        return Response.fromResponse(Problem.of(Status.UNAUTHORIZED, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, SCHEME).build();
    }
}
