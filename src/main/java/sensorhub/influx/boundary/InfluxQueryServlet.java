package sensorhub.influx.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import sensorhub.access.boundary.ApiKeys;
import sensorhub.access.entity.Caller;
import sensorhub.access.entity.Permission;
import sensorhub.influxql.control.Answers;
import sensorhub.influxql.control.QueryException;
import sensorhub.influxql.control.Statement;
import sensorhub.influxql.control.StatementResult;

/**
 * InfluxDB 1.x's query API, {@code GET|POST /query?db=&q=&epoch=} (a form body on POST), so that Grafana's InfluxDB
 * data source, the {@code influx} CLI and the client libraries read here unchanged (docs/influxdb.md, "Queries").
 * The key needs {@code read}, and {@code write} for a query that writes ({@code CREATE DATABASE}).
 */
@WebServlet(urlPatterns = InfluxQueryServlet.QUERY)
public class InfluxQueryServlet extends HttpServlet {

    static final String QUERY = "/query";
    /** The type of InfluxDB's CSV answers; {@code Accept: application/csv} or {@code text/csv} asks for them. */
    static final String CSV = "text/csv";

    @EJB
    InfluxQueries queries;

    @EJB
    ApiKeys apiKeys;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Influxdb-Version", InfluxWriteServlet.VERSION);
        response.setHeader("X-Influxdb-Build", "OSS");
        InfluxAnswer answer = new InfluxAnswer(response, false);
        if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
            answer.methodNotAllowed("GET, POST");
            return;
        }
        try {
            query(request, answer);
        } catch (RuntimeException e) {
            answer.failure(e);
        }
    }

    private static boolean wantsCsv(String accept) {
        return accept != null && (accept.trim().equals("application/csv") || accept.trim().equals("text/csv"));
    }

    /**
     * A parameter from the query string, read as UTF-8 whatever the container's URI encoding, else from a POST's
     * form body (read as UTF-8 too).
     */
    private static String parameter(HttpServletRequest request, QueryString query, String name) {
        String value = query.get(name);
        return value != null ? value : request.getParameter(name);
    }

    private void query(HttpServletRequest request, InfluxAnswer answer) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        QueryString query = QueryString.of(request);
        Optional<Caller> caller = InfluxCredentials.of(request, parameter(request, query, "p"))
                .flatMap(apiKeys::check);
        if (caller.isEmpty()) {
            answer.unauthorized();
            return;
        }
        String text = parameter(request, query, "q");
        if (text == null || text.isBlank()) {
            answer.error(HttpServletResponse.SC_BAD_REQUEST, "missing required parameter \"q\"");
            return;
        }
        boolean csv = wantsCsv(request.getHeader("Accept"));
        List<Statement> statements;
        try {
            statements = queries.parse(text);
        } catch (QueryException e) {
            if (csv) {
                answer.write(HttpServletResponse.SC_BAD_REQUEST, CSV, Answers.csvError(e.getMessage()));
            } else {
                answer.error(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            }
            return;
        }
        Permission needed = statements.stream().anyMatch(Statement::writes) ? Permission.WRITE : Permission.READ;
        if (!caller.get().may(needed)) {
            answer.error(HttpServletResponse.SC_FORBIDDEN, "error authorizing query: this API key lacks the '"
                    + needed.jsonName() + "' permission");
            return;
        }
        List<StatementResult> results = queries.run(statements, Optional.ofNullable(parameter(request, query, "db")));
        Answers answers = Answers.inEpoch(parameter(request, query, "epoch"));
        if (csv) {
            answer.write(HttpServletResponse.SC_OK, CSV, answers.csv(results));
        } else {
            answer.write(HttpServletResponse.SC_OK, "application/json", answers.json(results));
        }
    }
}
