package sensorhub.web.boundary;

import jakarta.ws.rs.core.StreamingOutput;
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
    /**
     * What CSV routes produce: ranked below JSON ({@code qs}), so that a client that accepts anything, as most
     * do by default, gets the JSON of the same path, and only one that asks for CSV gets CSV.
     */
    public static final String PRODUCED = MEDIA_TYPE + ";qs=0.5";

    /** Prints the records of an answer. */
    @FunctionalInterface
    public interface Records {
        void print(CSVPrinter printer) throws IOException;
    }

    private CsvBody() {
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
