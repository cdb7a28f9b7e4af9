package sensorhub.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import sensorhub.problems.control.RejectedException;

/** Answers a refused request with the status its reason calls for, naming each bad field. */
@Provider
public class RejectedMapper implements ExceptionMapper<RejectedException> {

    @Override
    public Response toResponse(RejectedException rejected) {
        return answer(rejected);
    }

    static Response answer(RejectedException rejected) {
        return Problem.of(rejected).toResponse();
    }
}
