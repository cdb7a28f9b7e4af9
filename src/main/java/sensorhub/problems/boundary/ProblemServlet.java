package sensorhub.problems.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;

/**
 * The web application's error page (see web.xml): what fails outside JAX-RS, such as a missing static file,
 * is answered as a problem too, instead of the server's own HTML page.
 */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c ? c : HttpServletResponse.SC_NOT_FOUND;
        Status known = Status.fromStatusCode(status);
        String detail = status == HttpServletResponse.SC_NOT_FOUND ? "Nothing is found at this address."
                : known != null ? known.getReasonPhrase() : "The request failed.";
        Problem problem = known != null ? Problem.of(known, detail)
                : new Problem("about:blank", "Error", status, detail, null);
        write(response, problem);
    }

    /** Answers with the problem, from outside JAX-RS (a servlet filter, an error page). */
    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem));
    }
}
