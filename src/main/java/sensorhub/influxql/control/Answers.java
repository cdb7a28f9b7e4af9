package sensorhub.influxql.control;

import jakarta.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sensorhub.influxql.control.ResultSeries.Time;

/**
 * A query's answer as InfluxDB 1.x writes it: JSON ({@code {"results":[{"statement_id":0,"series":[...]}]}}) or,
 * for {@code Accept: application/csv}, CSV ({@code name,tags,time,...}); times as RFC 3339 in the query's zone, or
 * as integers in the {@code epoch} unit.
 */
public final class Answers {

    private final Optional<Long> epochNanos;

    private Answers(Optional<Long> epochNanos) {
        this.epochNanos = epochNanos;
    }

    /**
     * @param epoch the {@code epoch} parameter: {@code u}, {@code ms}, {@code s}, {@code m}, {@code h}, anything
     *     else nanoseconds (as InfluxDB 1.6 reads it: {@code us} and {@code µ} too); none or empty for RFC 3339
     */
    public static Answers inEpoch(String epoch) {
        if (epoch == null || epoch.isEmpty()) {
            return new Answers(Optional.empty());
        }
        long unit = switch (epoch) {
            case "u" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1L;
        };
        return new Answers(Optional.of(unit));
    }

    public String json(List<StatementResult> results) {
        StringBuilder out = new StringBuilder("{\"results\":[");
        for (int r = 0; r < results.size(); r++) {
            StatementResult result = results.get(r);
            out.append(r == 0 ? "" : ",").append("{\"statement_id\":").append(result.statementId());
            if (result.error() != null) {
                out.append(",\"error\":").append(string(result.error()));
            } else if (!result.series().isEmpty()) {
                out.append(",\"series\":[");
                for (int s = 0; s < result.series().size(); s++) {
                    out.append(s == 0 ? "" : ",");
                    series(out, result.series().get(s));
                }
                out.append(']');
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** A refusal of the whole request: {@code {"error":"..."}}. */
    public static String error(String message) {
        return "{\"error\":" + string(message) + "}";
    }

    private void series(StringBuilder out, ResultSeries series) {
        out.append('{');
        if (series.name() != null) {
            out.append("\"name\":").append(string(series.name())).append(',');
        }
        if (!series.tags().isEmpty()) {
            out.append("\"tags\":{");
            int i = 0;
            for (Map.Entry<String, String> tag : series.tags().entrySet()) {
                out.append(i++ == 0 ? "" : ",").append(string(tag.getKey())).append(':')
                        .append(string(tag.getValue()));
            }
            out.append("},");
        }
        out.append("\"columns\":[");
        for (int c = 0; c < series.columns().size(); c++) {
            out.append(c == 0 ? "" : ",").append(string(series.columns().get(c)));
        }
        out.append("],\"values\":[");
        for (int v = 0; v < series.values().size(); v++) {
            out.append(v == 0 ? "[" : ",[");
            List<Object> row = series.values().get(v);
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ",").append(cell(row.get(c), true));
            }
            out.append(']');
        }
        out.append("]}");
    }

    /**
     * InfluxDB's CSV: per statement a header line ({@code name,tags,} and the columns) and a line per row, times as
     * integers (nanoseconds, or the {@code epoch} unit); statements apart by an empty line, a failed one left out.
     */
    public String csv(List<StatementResult> results) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (StatementResult result : results) {
            if (result.error() != null || result.series().isEmpty()) {
                continue;
            }
            out.append(first ? "" : "\n");
            first = false;
            List<String> header = null;
            for (ResultSeries series : result.series()) {
                if (!series.columns().equals(header)) {
                    out.append(header == null ? "" : "\n");
                    header = series.columns();
                    out.append("name,tags");
                    header.forEach(c -> out.append(',').append(csvField(c)));
                    out.append('\n');
                }
                String tags = String.join(",", series.tags().entrySet().stream().filter(t -> !t.getValue().isEmpty())
                        .map(t -> escaped(t.getKey()) + "=" + escaped(t.getValue())).toList());
                for (List<Object> row : series.values()) {
                    out.append(csvField(series.name() == null ? "" : series.name())).append(',').append(csvField(tags));
                    for (Object cell : row) {
                        out.append(',').append(csvField(cell == null ? "" : cell(cell, false)));
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** A refusal of the whole request in CSV, as InfluxDB writes it. */
    public static String csvError(String message) {
        return "error\n" + csvField(message) + "\n";
    }

    private String cell(Object value, boolean json) {
        if (value == null) {
            return "null";
        } else if (value instanceof Time time) {
            if (epochNanos.isPresent() || !json) {
                return Long.toString(time.nanos() / epochNanos.orElse(1L));
            }
            return json ? string(GoText.time(time.nanos(), time.zone())) : GoText.time(time.nanos(), time.zone());
        } else if (value instanceof Double d) {
            return json ? GoText.number(d) : GoText.plainNumber(d);
        } else if (value instanceof String s) {
            return json ? string(s) : s;
        }
        return value.toString().toLowerCase(Locale.ROOT);
    }

    /** A tag's key or value as a series key writes it: {@code ,}, {@code =} and space escaped by a backslash. */
    private static String escaped(String text) {
        return text.replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ");
    }

    /** A CSV field quoted where Go's encoding/csv quotes one. */
    private static String csvField(String text) {
        boolean quoted = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || !text.isEmpty() && Character.isWhitespace(text.charAt(0));
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A JSON string as Go's encoding/json writes it: also {@code <}, {@code >} and {@code &} escaped. */
    private static String string(String text) {
        return Json.createValue(text).toString().replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
