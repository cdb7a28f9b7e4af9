package sensorhub.json.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.json.control.JsonShape;
import sensorhub.json.control.LimitedInputStream;
import sensorhub.json.control.StrictJson;

/**
 * Reads every JSON request body bound to a record (or a list of them) or to a JSON-P value (a merge patch):
 * at most {@code sensors.json.max-bytes}, strictly ({@link StrictJson}), of the record's shape
 * ({@link JsonShape}), and only then bound by JSON-B. An application's reader takes precedence over the
 * runtime's own JSON-B and JSON-P readers on every server. Reading batches are streamed elsewhere.
 */
@Provider
@ApplicationScoped
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class StrictJsonReader implements MessageBodyReader<Object> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    @ConfigProperty(name = "sensors.json.max-bytes")
    long maxBytes;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type) || JsonShape.covers(type, genericType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) {
        JsonValue document = StrictJson.read(new LimitedInputStream(body, maxBytes));
        if (JsonValue.class.isAssignableFrom(type)) {
            return StrictJson.expect(document, type);
        }
        JsonShape.check(document, genericType);
        return JSONB.fromJson(document.toString(), genericType);
    }
}
