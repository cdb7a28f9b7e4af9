package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a database that cannot be reached is a 503 the client may retry; anything else is a 500
 * whose body names only an incident id, while the log keeps the details under that id.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(Throwable failure) {
        return answer(failure);
    }

    static Response answer(Throwable failure) {
        if (databaseUnreachable(failure)) {
            LOG.log(Level.WARNING, "Database unreachable: {0}", failure.toString());
            return Response.fromResponse(Problem.of(Status.SERVICE_UNAVAILABLE,
                    "The database cannot be reached right now; retry later.").toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of(Status.INTERNAL_SERVER_ERROR,
                "The server failed unexpectedly (incident " + incident + ").").toResponse();
    }

    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || isConnectorFailure(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * A connection pool's {@code jakarta.resource.ResourceException}, recognised by name: the Connectors API is
     * not part of the Web Profile, and on a server without it (Open Liberty with the features this service
     * needs) naming the class in code would fail every answer of this mapper with a NoClassDefFoundError.
     */
    private static boolean isConnectorFailure(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }
}
