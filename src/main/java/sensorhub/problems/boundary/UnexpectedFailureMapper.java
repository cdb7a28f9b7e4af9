package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import sensorhub.database.control.DatabaseFailure;

/**
 * The last resort: a database failure that a retry may cure is a 503 whose title says which one, with
 * {@code Retry-After}; anything else is a 500 whose body names only an incident id, while the log keeps the
 * details under that id.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        return answer(failure);
    }

    static Response answer(Throwable failure) {
        DatabaseFailure kind = DatabaseFailure.of(failure);
        return switch (kind) {
            case UNREACHABLE -> unavailable(kind, failure, "Database unreachable",
                    "The database cannot be reached right now; retry later.", 5);
            case POOL_EXHAUSTED -> unavailable(kind, failure, "Database connections exhausted",
                    "The service is busy: no database connection came free in time; retry shortly.", 2);
            case CONFLICT -> unavailable(kind, failure, "Database conflict",
                    "The database kept setting this request aside for concurrent writes; retry shortly.", 1);
            case FAILED -> unavailable(kind, failure, "Database failure",
                    "The database failed during this request; retry later.", 2);
            case OTHER -> failed(failure);
        };
    }

    private static Response unavailable(DatabaseFailure kind, Throwable failure, String title, String detail,
            int retryAfter) {
        LOG.log(Level.WARNING, "Answered 503 for {0}: {1}", new Object[] {kind, failure.toString()});
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
