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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import sensorhub.problems.control.InvalidParameterException;
import sensorhub.time.control.Bucket;
import sensorhub.time.control.IsoTimestamps;

/**
 * Every typed path and query parameter of the API, read strictly in one place, so that resources take values,
 * not text, and a bad value is the same 400 everywhere, naming the parameter: whole numbers and truths
 * ({@code active=yes} would be {@code false} left to JAX-RS, {@code limit=١٠} a 10), instants (ISO-8601, UTC
 * without an offset), dates ({@code YYYY-MM-DD}), time zones, series buckets and page cursors.
 */
@Provider
public class TypedParameters implements ParamConverterProvider {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    private static final Map<Class<?>, Reading<?>> READERS = Map.of(
            Integer.class, text -> whole(text, Integer::valueOf),
            Long.class, text -> whole(text, Long::valueOf),
            Boolean.class, TypedParameters::truth,
            Instant.class, text -> time(text, IsoTimestamps::instant,
                    "must be an ISO-8601 timestamp such as 2026-11-28T09:30:00Z"),
            LocalDate.class, text -> time(text, TypedParameters::dayOfTheYears1To9999,
                    "must be a date of the form YYYY-MM-DD"),
            ZoneId.class, text -> time(text, ZoneId::of, "must be a time zone id such as UTC or Europe/Berlin"),
            Bucket.class, TypedParameters::bucket,
            Cursor.class, TypedParameters::cursor);

    /** Reads a parameter's text, or throws {@link IllegalArgumentException} saying what it must be. */
    @FunctionalInterface
    private interface Reading<T> {
        T from(String text);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Reading<?> reading = READERS.get(rawType);
        return reading == null ? null : (ParamConverter<T>) new Converter<>(nameOf(annotations), reading);
    }

    private static <N extends Number> N whole(String text, Function<String, N> parse) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a whole number");
        }
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is a whole number out of range");
        }
    }

    private static Boolean truth(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** A time, date or zone as {@code java.time} reads it; its refusal is the parameter's {@code message}. */
    private static <T> T time(String text, Function<String, T> parse, String message) {
        try {
            return parse.apply(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A day of the years 1 to 9999, the days whose instants this service keeps. */
    private static LocalDate dayOfTheYears1To9999(String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new DateTimeException("outside the years 1 to 9999");
        }
        return date;
    }

    private static Bucket bucket(String text) {
        return Arrays.stream(Bucket.values()).filter(bucket -> bucket.name().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(Bucket.values())
                        .map(Bucket::name).collect(Collectors.joining(", "))));
    }

    private static Cursor cursor(String text) {
        try {
            return Cursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor this service made");
        }
    }

    /** The parameter's name as the client writes it, from its JAX-RS annotation. */
    static String nameOf(Annotation[] annotations) {
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

    /**
     * A converter of one parameter; an absent parameter stays absent (null), for its default to apply. A refusal
     * is an {@link InvalidParameterException} naming the parameter, which the problem mappers answer 400.
     */
    private record Converter<T>(String parameter, Reading<T> reading) implements ParamConverter<T> {

        @Override
        public T fromString(String text) {
            if (text == null) {
                return null;
            }
            try {
                return reading.from(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(parameter, e.getMessage());
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Cursor cursor ? cursor.encode() : value.toString();
        }
    }
}
