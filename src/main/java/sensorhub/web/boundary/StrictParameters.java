package sensorhub.web.boundary;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import java.util.regex.Pattern;
import sensorhub.problems.control.InvalidParameterException;

/**
 * Reads {@code Integer}, {@code Long} and {@code Boolean} parameters strictly and names the parameter in a 400
 * when its text is not such a value. Left to JAX-RS, {@code active=yes} would be {@code false} (it takes
 * {@code Boolean.valueOf}), {@code limit=ten} a 404 without a word on which parameter (the specification's
 * answer to a query parameter it cannot convert), and {@code limit=١٠} (Arabic-Indic digits) a 10.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(text -> whole(name, text, Integer::valueOf));
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>(text -> whole(name, text, Long::valueOf));
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(text -> truth(name, text));
        }
        return null;
    }

    private static <N extends Number> N whole(String name, String text, Function<String, N> parse) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new InvalidParameterException(name, "must be a whole number");
        }
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "is a whole number out of range");
        }
    }

    private static Boolean truth(String name, String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameterException(name, "must be true or false");
        };
    }

    /** The parameter's name as the client writes it, from its JAX-RS annotation. */
    public static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            } else if (annotation instanceof PathParam p) {
                return p.value();
            } else if (annotation instanceof HeaderParam h) {
                return h.value();
            } else if (annotation instanceof MatrixParam m) {
                return m.value();
            } else if (annotation instanceof FormParam f) {
                return f.value();
            } else if (annotation instanceof CookieParam c) {
                return c.value();
            }
        }
        return "parameter";
    }

    /** A converter of one parameter; an absent parameter stays absent (null), for its default to apply. */
    private record Strict<T>(Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String text) {
            return text == null ? null : parse.apply(text);
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
