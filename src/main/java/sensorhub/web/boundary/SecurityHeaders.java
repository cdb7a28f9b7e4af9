package sensorhub.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sets, on every answer, {@code X-Content-Type-Options: nosniff} (a browser must not run a JSON answer as a
 * script); on API answers {@code Cache-Control: no-store} (they carry data a key was needed for); on pages a
 * Content Security Policy that lets them load only this service's own scripts and styles: the dashboard at
 * {@code /} neither inline scripts nor inline styles, Swagger UI at {@code /api-docs/} inline styles.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    /**
     * The dashboard and every other page: files of this service only, no inline code or style attributes (uPlot
     * sizes its elements through the CSSOM, which a policy does not restrict), requests to this service only.
     */
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets inline styles on its elements, so styles may be inline there; scripts may not. */
    static final String API_DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String uri = request.getRequestURI();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        } else {
            response.setHeader("Content-Security-Policy", path.startsWith("/api-docs/") ? API_DOCS_POLICY : PAGE_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
        }
        chain.doFilter(request, response);
    }
}
