package sensorhub.json.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.json.control.JsonShape;
import sensorhub.json.control.LimitedInputStream;
import sensorhub.json.control.StrictJson;

/**
 * Every JSON request body bound to a record (or a list of them) or to a JSON-P value (a merge patch) is read
 * here first: at most {@code sensors.json.max-bytes}, strictly ({@link StrictJson}), of the record's shape
 * ({@link JsonShape}); the runtime's own JSON-B or JSON-P reader then binds the checked document. An interceptor,
 * not a reader of its own, because which of several readers for {@code application/json} a runtime picks is
 * its choice (Jersey kept its JSON-B reader). Reading batches are streamed elsewhere.
 */
@Provider
@ApplicationScoped
public class StrictJsonBodies implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "sensors.json.max-bytes")
    long maxBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            boolean value = JsonValue.class.isAssignableFrom(context.getType());
            if (value || JsonShape.covers(context.getType(), context.getGenericType())) {
                JsonValue document = StrictJson.read(new LimitedInputStream(context.getInputStream(), maxBytes));
                if (value) {
                    StrictJson.expect(document, context.getType());
                } else {
                    JsonShape.check(document, context.getGenericType());
                }
                context.setInputStream(new ByteArrayInputStream(document.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }
}
