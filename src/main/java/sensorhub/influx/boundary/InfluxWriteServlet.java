package sensorhub.influx.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import sensorhub.access.boundary.ApiKeys;
import sensorhub.access.entity.Caller;
import sensorhub.access.entity.Permission;
import sensorhub.influx.control.Precision;
import sensorhub.influx.control.WrittenPoints;
import sensorhub.influx.control.WrittenPoints.Refusal;

/**
 * InfluxDB's write API, so that Telegraf, Node-RED, Home Assistant and the InfluxDB client libraries write here
 * unchanged (docs/influxdb.md): {@code /ping}, {@code /write} (1.x) and {@code /api/v2/write} (2.x). Answers are
 * InfluxDB's: 204 when stored, its error shapes ({@code {"error"}} on 1.x, {@code {"code","message"}} on 2.x), and
 * 503 with {@code Retry-After} for whatever may pass on retry, since agents drop a batch answered with a 4xx.
 */
@WebServlet(urlPatterns = {InfluxWriteServlet.PING, InfluxWriteServlet.WRITE_V1, InfluxWriteServlet.WRITE_V2})
public class InfluxWriteServlet extends HttpServlet {

    static final String PING = "/ping";
    static final String WRITE_V1 = "/write";
    static final String WRITE_V2 = "/api/v2/write";
    /** The 1.x version clients see: its API is the one answered here. */
    static final String VERSION = "1.8.10";
    private static final int GZIP_BUFFER = 64 * 1024;

    @EJB
    InfluxWrites writes;

    @EJB
    ApiKeys apiKeys;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Influxdb-Version", VERSION);
        response.setHeader("X-Influxdb-Build", "OSS");
        boolean v2 = WRITE_V2.equals(request.getServletPath());
        InfluxAnswer answer = new InfluxAnswer(response, v2);
        String method = request.getMethod();
        if (PING.equals(request.getServletPath())) {
            if ("GET".equals(method) || "HEAD".equals(method)) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                answer.methodNotAllowed("GET, HEAD");
            }
        } else if (!"POST".equals(method)) {
            answer.methodNotAllowed("POST");
        } else {
            try {
                write(request, answer, v2);
            } catch (RuntimeException e) {
                answer.failure(e);
            }
        }
    }

    private void write(HttpServletRequest request, InfluxAnswer answer, boolean v2) throws IOException {
        QueryString parameters = QueryString.of(request);
        Optional<Caller> caller = InfluxCredentials.of(request, parameters.get("p")).flatMap(apiKeys::check);
        if (caller.isEmpty()) {
            answer.unauthorized();
            return;
        }
        if (!caller.get().may(Permission.WRITE)) {
            answer.error(HttpServletResponse.SC_FORBIDDEN, "this API key lacks the 'write' permission");
            return;
        }
        String database = database(parameters, v2);
        String precisionName = parameters.get("precision");
        Optional<Precision> precision = v2 ? Precision.ofV2(precisionName) : Precision.ofV1(precisionName);
        if (database == null || database.isEmpty()) {
            answer.error(v2 ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST,
                    v2 ? "bucket not found" : "database is required");
        } else if (!InfluxDatabases.valid(database)) {
            answer.error(HttpServletResponse.SC_BAD_REQUEST, InfluxDatabases.RULE);
        } else if (precision.isEmpty()) {
            answer.error(HttpServletResponse.SC_BAD_REQUEST, "invalid precision '" + precisionName + "'");
        } else {
            WrittenPoints points;
            try (InputStream body = decoded(request)) {
                points = writes.write(database, precision.get(), body, request.getHeader("Content-Length"),
                        caller.get().name()).points();
            } catch (IOException e) {
                answer.error(HttpServletResponse.SC_BAD_REQUEST, "the body could not be read as sent: "
                        + e.getMessage());
                return;
            }
            if (points.refused() == 0) {
                answer.stored();
            } else {
                answer.error(HttpServletResponse.SC_BAD_REQUEST, refusal(points));
            }
        }
    }

    /** 1.x's {@code db} ({@code rp} is taken and passed over); 2.x's {@code bucket}, without a {@code /rp}. */
    private static String database(QueryString parameters, boolean v2) {
        if (!v2) {
            return parameters.get("db");
        }
        String bucket = parameters.get("bucket");
        return bucket == null || bucket.indexOf('/') < 0 ? bucket : bucket.substring(0, bucket.indexOf('/'));
    }

    /**
     * The body, gunzipped where it says {@code Content-Encoding: gzip} and still is gzip: Open Liberty's HTTP channel
     * decompresses such a body itself (and fails one that is not gzip, which reading it here then reports).
     */
    private static InputStream decoded(HttpServletRequest request) throws IOException {
        String encoding = request.getHeader("Content-Encoding");
        InputStream body = new BufferedInputStream(request.getInputStream(), GZIP_BUFFER);
        if (encoding == null || !encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            return body;
        }
        body.mark(2);
        boolean gzip = body.read() == 0x1f && body.read() == 0x8b;
        body.reset();
        return gzip ? new GZIPInputStream(body, GZIP_BUFFER) : body;
    }

    /** InfluxDB's words: each refused line as {@code unable to parse '...': reason}, and how many were dropped. */
    private static String refusal(WrittenPoints points) {
        String lines = points.refusals().stream().map(InfluxWriteServlet::refusal).collect(Collectors.joining("\n"));
        boolean stored = !points.batches().isEmpty();
        return stored ? "partial write: " + lines + " dropped=" + points.refused()
                : lines + (points.refused() > points.refusals().size() ? " dropped=" + points.refused() : "");
    }

    private static String refusal(Refusal refusal) {
        return refusal.number() == 0 ? "series '" + refusal.line() + "': " + refusal.reason()
                : "unable to parse '" + refusal.line() + "': " + refusal.reason() + " (line " + refusal.number() + ")";
    }
}
