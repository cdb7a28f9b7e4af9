package sensorhub.readings.control;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.StrictJson;
import sensorhub.time.control.EpochMicros;

/**
 * Reads a batch of readings from a request body as a stream, a JSON array of
 * {@code {sensor_id, creation_date, value}} or CSV with the header {@code sensor_id,creation_date,value}, so
 * that a large batch never sits in memory as a String or as a tree of JSON objects. Every bad item is named by
 * its index ({@link ReadingItems}); one bad item rejects the batch. JSON is read from the bytes by Jackson's
 * streaming parser ({@link JacksonReadings}); a body it refuses is read again by Parsson ({@link ParssonReadings}),
 * which says what is wrong as {@link StrictJson} does for any body. For that the body's bytes are kept while
 * it is read ({@link RetainedBody}: about 70 bytes a reading, up to {@code sensors.readings.max-body-bytes}).
 */
public final class ReadingBatchParser {

    private static final List<String> CSV_COLUMNS = List.of("sensor_id", "creation_date", "value");
    /** The last line the parser reads after every body (see {@link #nextOf}): NUL, which no reading needs. */
    private static final String END_MARK = "\u0000";
    private static final byte[] END_MARK_LINE = ("\n" + END_MARK).getBytes(StandardCharsets.US_ASCII);
    /**
     * Blank lines are skipped, and a record with another number of fields than the header is named by its index
     * here rather than refused whole by the reader.
     */
    private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder().fieldSeparator(',')
            .quoteCharacter('"').commentStrategy(CommentStrategy.NONE).skipEmptyLines(true)
            .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(false)
            .trimWhitespacesAroundQuotes(false).detectBomHeader(false);

    private ReadingBatchParser() {
    }

    public static ReadingBatch json(InputStream body, int maxBatch) {
        try (RetainedBody retained = new RetainedBody(body)) {
            ReadingBatch batch = JacksonReadings.read(retained, maxBatch);
            return batch != null ? batch : ParssonReadings.read(retained, maxBatch);
        } catch (IOException e) {
            throw StrictJson.unreadable();
        }
    }

    /**
     * The readings of one sensor, as its own MQTT topic carries them: one reading {@code {creation_date, value}},
     * an array of them, or a bare number, which is a reading at {@code receivedMicros}. A {@code sensor_id} may be
     * given only as the sensor's own id. Errors name the items as a batch's do.
     */
    public static ReadingBatch ofSensor(InputStream body, String sensorId, long receivedMicros, int maxBatch) {
        return ParssonReadings.ofSensor(body, sensorId, EpochMicros.toInstant(receivedMicros).toString(), maxBatch);
    }

    /**
     * RFC 4180 by FastCSV: a field may be quoted, and then hold commas, quotes ({@code ""}) and line breaks, as an
     * id may; nothing may follow a closing quote but a comma or a line break. Only the id is taken exactly as
     * written; spaces and tabs around a time or a value are passed over. FastCSV rather than Commons CSV: it parsed a
     * batch's lines three times as fast (0.10 against 0.29 µs a line, warm, side by side in one JVM), and Commons
     * CSV was two fifths of a CSV batch's server time.
     */
    public static ReadingBatch csv(InputStream body, int maxBatch) {
        ReadingItems items = new ReadingItems(maxBatch);
        InputStream marked = new SequenceInputStream(body, new ByteArrayInputStream(END_MARK_LINE));
        try (Reader reader = withoutByteOrderMark(new BufferedReader(StrictJson.utf8(marked)));
                CsvReader<CsvRecord> csv = CSV.ofCsvRecord(reader)) {
            Iterator<CsvRecord> records = csv.iterator();
            CsvRecord header = nextOf(records);
            int[] column = header == null ? null : columnsOf(header);
            if (column == null) {
                throw new InvalidReadingsException("The CSV must start with the header line sensor_id,creation_date,value.");
            }
            int index = 0;
            for (CsvRecord record = nextOf(records); record != null; record = nextOf(records)) {
                if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
                    continue;
                }
                items.checkCount(index);
                if (record.getFieldCount() != CSV_COLUMNS.size()) {
                    items.reject(index, "", "has " + record.getFieldCount() + " fields where the header names 3");
                } else {
                    items.accept(index, record.getField(column[0]), blanksStripped(record.getField(column[1])),
                            parseFinite(blanksStripped(record.getField(column[2]))));
                }
                index++;
            }
            return items.finish();
        } catch (CharacterCodingException e) {
            throw notCsv("is not valid UTF-8");
        } catch (CsvParseException e) {
            // FastCSV says where ("...record that started in line 2") and, in the cause, what it met there
            throw notCsv("is not valid CSV (RFC 4180): " + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof CharacterCodingException ? notCsv("is not valid UTF-8")
                    : notCsv("could not be read to its end");
        } catch (IOException e) {
            throw notCsv("could not be read to its end");
        }
    }

    /**
     * The body's next record, or null once the end mark is reached. FastCSV closes a quoted field that the input
     * leaves open at its end (osiegmar/FastCSV#173), so the parser reads the body followed by a line of its own,
     * {@link #END_MARK}: a body whose quotes are all closed ends with that line as a record of its own, while an
     * open quote takes the line into its field, and then the last record is not the mark.
     */
    private static CsvRecord nextOf(Iterator<CsvRecord> records) {
        CsvRecord record = records.next();
        if (records.hasNext()) {
            return record;
        }
        if (record.getFieldCount() == 1 && record.getField(0).equals(END_MARK)) {
            return null;
        }
        throw notCsv("is not valid CSV (RFC 4180): a quoted field is not closed");
    }

    private static InvalidReadingsException notCsv(String what) {
        return new InvalidReadingsException("The CSV " + what + ".");
    }

    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Where each of sensor_id, creation_date and value stands in a record, or null for a wrong header. */
    private static int[] columnsOf(CsvRecord header) {
        List<String> names = header.getFields().stream().map(ReadingBatchParser::blanksStripped).toList();
        if (names.size() != CSV_COLUMNS.size() || !names.containsAll(CSV_COLUMNS)) {
            return null;
        }
        return CSV_COLUMNS.stream().mapToInt(names::indexOf).toArray();
    }

    /**
     * The field without the spaces and tabs around it, which CSV writers pad columns with. Only those: what
     * {@code String.trim()} also strips, every character up to U+0020, would let a NUL or a line break at the end
     * of a time or value pass unseen.
     */
    static String blanksStripped(String field) {
        int start = 0;
        int end = field.length();
        while (start < end && isBlank(field.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(field.charAt(end - 1))) {
            end--;
        }
        return field.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The number a CSV field writes, or NaN where it is not a finite decimal number. */
    private static double parseFinite(String text) {
        if (!isDecimal(text)) {
            return Double.NaN;
        }
        try {
            double number = Double.parseDouble(text);
            return Double.isFinite(number) ? number : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Whether the text is a decimal number, {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?} (Java's parser would
     * also read {@code 0x1p3}, {@code 2d} and {@code NaN}). Checked by hand: that regular expression took a tenth
     * of a CSV batch's server time; {@code ReadingBatchParserTest} holds the two to the same answers.
     */
    static boolean isDecimal(String text) {
        int at = sign(text, 0);
        int integer = digits(text, at);
        at += integer;
        int fraction = 0;
        if (at < text.length() && text.charAt(at) == '.') {
            fraction = digits(text, ++at);
            at += fraction;
        }
        if (integer + fraction == 0) {
            return false;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at = sign(text, at + 1);
            int exponent = digits(text, at);
            if (exponent == 0) {
                return false;
            }
            at += exponent;
        }
        return at == text.length();
    }

    private static int sign(String text, int at) {
        return at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-') ? at + 1 : at;
    }

    /** How many ASCII digits stand at {@code at}. */
    private static int digits(String text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end - at;
    }
}
