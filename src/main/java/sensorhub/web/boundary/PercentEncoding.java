package sensorhub.web.boundary;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import sensorhub.problems.control.InvalidParameterException;

/**
 * Refuses an API request whose URI is not validly percent-encoded (RFC 3986): a {@code %} without two
 * hexadecimal digits after it, or escapes that do not decode to UTF-8. Left to JAX-RS, {@code ?location=%ZZ} was
 * read as the text {@code %ZZ} and {@code %C3%28} as a replacement character, so a broken URL was answered as if
 * it had asked for something else. The URI is read as sent from the servlet request: JAX-RS's {@code UriInfo}
 * has re-encoded a stray {@code %} by then. A malformed escape in the path never gets here on Payara, whose
 * connector answers it itself (README "What answers without a key"); on servers that pass it on, it is refused
 * here like the query's.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class PercentEncoding implements ContainerRequestFilter {

    @Context
    HttpServletRequest servlet;

    @Override
    public void filter(ContainerRequestContext request) {
        check(servlet.getRequestURI(), servlet.getQueryString());
    }

    /**
     * @throws InvalidParameterException naming the first query parameter, or the path, that is not validly
     *     percent-encoded
     */
    static void check(String rawPath, String rawQuery) {
        String wrong = malformation(rawPath);
        if (wrong != null) {
            throw new InvalidParameterException("path", wrong);
        }
        if (rawQuery == null) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            wrong = malformation(pair);
            if (wrong != null) {
                String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='));
                throw new InvalidParameterException(malformation(name) == null
                        ? URLDecoder.decode(name, StandardCharsets.UTF_8) : "query", wrong);
            }
        }
    }

    /** What is wrong with the text's percent-encoding, or null where nothing is. */
    static String malformation(String text) {
        if (text.indexOf('%') < 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else if (i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                return "has a % that two hexadecimal digits do not follow (a % itself is written %25)";
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return "is not UTF-8 once its %-escapes are decoded";
        }
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
