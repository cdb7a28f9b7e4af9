package sensorhub.problems.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request the service refuses for what it asks, told in the domain's words: the boundary's mapper gives each
 * {@link Reason} its status and problem+json shape, so control code knows no HTTP. Thrown from a bean, it rolls
 * the transaction back and reaches the mapper unwrapped (subclasses inherit the annotation).
 */
@ApplicationException(rollback = true)
public abstract class RejectedException extends RuntimeException {

    /** Why a request is refused. */
    public enum Reason {
        /** The request is malformed or breaks a rule of its own fields. */
        INVALID,
        /** What it names does not exist. */
        NOT_FOUND,
        /** It contradicts what is stored. */
        CONFLICT,
        /** It is well formed but refers to things that are not there (readings of unknown sensors). */
        UNPROCESSABLE,
        /** It is larger than the service takes. */
        TOO_LARGE,
        /** It needs what the service no longer keeps (readings removed by their retention). */
        GONE
    }

    /** One bad field, named as the client wrote it, e.g. {@code [3].creation_date}. */
    public record Field(String name, String message) {
    }

    /** At most this many fields are named: a client with 100,000 bad readings learns enough from the first. */
    public static final int MAX_FIELDS = 100;

    private final Reason reason;
    private final transient List<Field> fields;

    protected RejectedException(Reason reason, String detail) {
        this(reason, detail, List.of());
    }

    protected RejectedException(Reason reason, String detail, List<Field> fields) {
        super(detail);
        this.reason = reason;
        this.fields = List.copyOf(fields.subList(0, Math.min(fields.size(), MAX_FIELDS)));
    }

    public Reason reason() {
        return reason;
    }

    /** The bad fields, empty when the request as a whole is refused. */
    public List<Field> fields() {
        return fields;
    }
}
