package sensorhub.openapi.boundary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the served {@code /openapi} document within the OpenAPI 3.0 schema, so that any client's validator or
 * generator takes it (registered by {@code mp.openapi.filter}). Payara 6.2025 adds a root property
 * {@code endpoints} (each context root's paths) that the schema forbids, and offers no setting to leave it out;
 * its own model class holds it, out of reach of the MicroProfile model, so it is emptied by name, which its
 * serializer then omits. Servers without the property are left as they are. Payara's main line renames it
 * {@code x-endpoints}, an allowed extension (payara/Payara#7891): once the pom's Payara has that, this class can go.
 */
public class StandardOpenApi implements OASFilter {

    private static final Logger LOG = Logger.getLogger(StandardOpenApi.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI document) {
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
