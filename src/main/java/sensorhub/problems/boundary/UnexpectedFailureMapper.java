package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import sensorhub.database.control.DatabaseFailure;
import sensorhub.problems.control.FailureLog;

/**
 * The last resort: a database failure that a retry may cure is a 503 whose title says which one, with
 * {@code Retry-After}, logged counted by kind ({@link FailureLog}: an outage answers thousands of requests so);
 * anything else is a 500 whose body names only an incident id, while the log keeps the details under that id.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());
    /** Shared by every request of the application; {@link FailureReports} writes its counts when no failure comes. */
    static final FailureLog UNAVAILABLE = new FailureLog(LOG, Clock.systemUTC(), Duration.ofSeconds(10));

    @Override
    public Response toResponse(Throwable failure) {
        return answer(failure);
    }

    /** The answer to a failure that is no refusal; other doors than JAX-RS (InfluxDB's API) put it in their shape. */
    public static Response answer(Throwable failure) {
        DatabaseFailure kind = DatabaseFailure.of(failure);
        return switch (kind) {
            case UNREACHABLE -> unavailable(failure, "Database unreachable",
                    "The database cannot be reached right now; retry later.", 5);
            case POOL_EXHAUSTED -> unavailable(failure, "Database connections exhausted",
                    "The service is busy: no database connection came free in time; retry shortly.", 2);
            case CONFLICT -> unavailable(failure, "Database conflict",
                    "The database kept setting this request aside for concurrent writes; retry shortly.", 1);
            case FAILED -> unavailable(failure, "Database failure",
                    "The database failed during this request; retry later.", 2);
            case OTHER -> failed(failure);
        };
    }

    private static Response unavailable(Throwable failure, String title, String detail, int retryAfter) {
        UNAVAILABLE.answered(title.toLowerCase(Locale.ROOT), failure);
        return Response.fromResponse(Problem.unavailable(title, detail).toResponse())
                .header("Retry-After", retryAfter).build();
    }

    private static Response failed(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of(Status.INTERNAL_SERVER_ERROR,
                "The server failed unexpectedly (incident " + incident + ").").toResponse();
    }
}
