package sensorhub.openapi.boundary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Serves {@code META-INF/openapi.yaml} as it is on every server (registered by {@code mp.openapi.filter}), taking
 * out what a server adds to it:
 * <ul>
 * <li>servers: the document names one, relative ({@code /}), so that clients call the host they read it from; a
 * server that adds its own listeners' addresses (Payara: the host of the first request) would send them
 * elsewhere, e.g. past a proxy. Only relative servers are kept, and {@code /} if none is left.
 * <li>Payara 6.2025's root property {@code endpoints} (each context root's paths), which the OpenAPI 3.0 schema
 * forbids and no setting leaves out; its own model class holds it, out of reach of the MicroProfile model, so it
 * is emptied by name, which its serializer then omits. Payara's main line renames it {@code x-endpoints}, an
 * allowed extension (payara/Payara#7891).
 * </ul>
 */
public class StandardOpenApi implements OASFilter {

    private static final Logger LOG = Logger.getLogger(StandardOpenApi.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI document) {
        keepRelativeServers(document);
        dropEndpoints(document);
    }

    private static void keepRelativeServers(OpenAPI document) {
        List<Server> relative = new ArrayList<>();
        for (Server server : document.getServers() == null ? List.<Server>of() : document.getServers()) {
            if (server.getUrl() != null && server.getUrl().startsWith("/")) {
                relative.add(server);
            }
        }
        if (relative.isEmpty()) {
            relative.add(OASFactory.createServer().url("/"));
        }
        document.setServers(relative);
    }

    private static void dropEndpoints(OpenAPI document) {
        Method setter;
        try {
            setter = document.getClass().getMethod("setEndpoints", Map.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        try {
            setter.invoke(document, new LinkedHashMap<>());
        } catch (IllegalAccessException | InvocationTargetException e) {
            LOG.log(Level.WARNING, "The OpenAPI document keeps the server's 'endpoints': {0}", e.toString());
        }
    }
}
