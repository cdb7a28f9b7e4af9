package sensorhub.web.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV answer (RFC 4180 by Commons CSV, UTF-8, a header line) written as it streams: fields holding
 * {@code ,}, {@code "} or line breaks are quoted, the way the readings' CSV input reads them back.
 */
public final class CsvBody {

    public static final String MEDIA_TYPE = "text/csv";
    private static final List<Variant> JSON_OR_CSV = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf(MEDIA_TYPE)).build();

    /** Prints the records of an answer. */
    @FunctionalInterface
    public interface Records {
        void print(CSVPrinter printer) throws IOException;
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
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        return output -> {
            CSVPrinter printer = format.print(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)));
            records.print(printer);
            printer.flush();
        };
    }
}
