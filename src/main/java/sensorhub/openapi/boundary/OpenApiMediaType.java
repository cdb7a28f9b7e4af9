package sensorhub.openapi.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Gives the YAML form of {@code /openapi} its media type, {@code application/yaml} (RFC 9512), where the server
 * labels it {@code text/plain} (Payara 6.2025), so that a client can tell it from the JSON form
 * ({@code ?format=JSON} or {@code Accept: application/json}, already {@code application/json}). Only a server
 * that passes {@code /openapi} through this application's filters is touched: WildFly and Liberty serve it
 * outside the application, as they label it.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"}, asyncSupported = true)
public class OpenApiMediaType extends HttpFilter {

    static final String YAML = "application/yaml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setContentType(String type) {
                super.setContentType(labelled(type));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? labelled(value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? labelled(value) : value);
            }
        });
    }

    static String labelled(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain") ? YAML : type;
    }
}
