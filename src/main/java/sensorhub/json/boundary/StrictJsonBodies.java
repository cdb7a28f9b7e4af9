package sensorhub.json.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
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
        boolean value = JsonValue.class.isAssignableFrom(context.getType());
        if (value || JsonShape.covers(context.getType(), context.getGenericType())) {
            requireUtf8Json(context.getMediaType());
            String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
            LimitedInputStream.refuseDeclaredLength(declared, maxBytes);
            JsonValue document = StrictJson.read(new LimitedInputStream(context.getInputStream(), maxBytes));
            if (value) {
                StrictJson.expect(document, context.getType());
            } else {
                JsonShape.check(document, context.getGenericType());
            }
            context.setInputStream(new ByteArrayInputStream(document.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return context.proceed();
    }

    /**
     * A body without a media type, or of another one that a resource method's wildcard let through, is not read
     * as JSON; nor is JSON in another charset than UTF-8, the only one RFC 8259 allows between systems.
     */
    private static void requireUtf8Json(MediaType type) {
        boolean json = type != null && type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        String charset = json ? type.getParameters().get(MediaType.CHARSET_PARAMETER) : null;
        if (!json || charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new NotSupportedException("The request body must be JSON in UTF-8 (application/json).");
        }
    }
}
