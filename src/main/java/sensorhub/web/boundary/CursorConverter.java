package sensorhub.web.boundary;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import sensorhub.problems.control.InvalidParameterException;

/**
 * Reads a paged list's {@code after} parameter as the cursor type itself, so that resources take cursors, not
 * text; text that is not a cursor this service made is a 400 naming the parameter. One subclass, a
 * {@code @Provider}, per cursor type.
 *
 * @param <C> the cursor type, whose decoding throws {@link IllegalArgumentException} for foreign text
 */
public abstract class CursorConverter<C> implements ParamConverterProvider {

    private final Class<C> type;
    private final Function<String, C> decode;
    private final Function<C, String> encode;

    protected CursorConverter(Class<C> type, Function<String, C> decode, Function<C, String> encode) {
        this.type = type;
        this.decode = decode;
        this.encode = encode;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == type ? (ParamConverter<T>) new Converter(StrictParameters.nameOf(annotations)) : null;
    }

    private final class Converter implements ParamConverter<C> {

        private final String parameter;

        Converter(String parameter) {
            this.parameter = parameter;
        }

        @Override
        public C fromString(String text) {
            if (text == null) {
                return null;
            }
            try {
                return decode.apply(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(parameter, "is not a cursor this service made");
            }
        }

        @Override
        public String toString(C cursor) {
            return cursor == null ? null : encode.apply(cursor);
        }
    }
}
