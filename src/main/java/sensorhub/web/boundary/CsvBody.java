package sensorhub.web.boundary;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A CSV answer (RFC 4180 by FastCSV, UTF-8, CRLF line ends, a header line) written as it streams: fields holding
 * {@code ,}, {@code "} or line breaks are quoted, the way the readings' CSV input reads them back.
 */
public final class CsvBody {

    public static final String MEDIA_TYPE = "text/csv";
    private static final List<Variant> JSON_OR_CSV = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf(MEDIA_TYPE)).build();

    /** Prints the records of an answer. */
    @FunctionalInterface
    public interface Records {
        void print(Lines lines);
    }

    /** Writes one record: each field as its {@code toString()}, {@code null} as an empty field. */
    @FunctionalInterface
    public interface Lines {
        void write(Object... fields);
    }

    private CsvBody() {
    }

    /**
     * Whether the request asks for CSV rather than JSON, by JAX-RS's own negotiation of its {@code Accept}: a
     * client that accepts anything, as most do by default, gets JSON.
     */
    public static boolean isWanted(Request request) {
        Variant chosen = request.selectVariant(JSON_OR_CSV);
        return chosen != null && chosen.getMediaType().isCompatible(MediaType.valueOf(MEDIA_TYPE));
    }

    public static StreamingOutput of(List<String> header, Records records) {
        return output -> {
            CsvWriter csv = CsvWriter.builder().build(output, StandardCharsets.UTF_8);
            try {
                csv.writeRecord(header);
                records.print(fields -> csv.writeRecord(Arrays.stream(fields)
                        .map(field -> Objects.toString(field, "")).toArray(String[]::new)));
                csv.flush();
            } catch (UncheckedIOException e) {
                // FastCSV's own wrapper of a failed write, such as a client that hung up: an I/O failure of the answer.
                throw e.getCause();
            }
        };
    }
}
