package sensorhub.readings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.json.control.InvalidJsonException;
import sensorhub.problems.control.RejectedException;

/**
 * Whether {@link ReadingBatchParser#json} answers a body as {@link ReferenceReadingBatchParser} does: the same
 * batch, bit for bit, or the same exception with the same message and fields.
 *
 * <p>The reference reads through an {@code InputStreamReader} that decodes ahead of Parsson (up to 8 KiB, as
 * many bytes as the stream hands over at once), so where invalid UTF-8 follows closely on another error, which
 * of the two it reports depends on how the body arrives. Fed one byte at a time it decodes exactly as far as
 * Parsson reads, so that is how it is fed here; fed all at once it may only say "not valid UTF-8" instead,
 * which {@link #assertAgrees} checks too. The new parser is fed in chunks of random sizes, which must not
 * matter. At the end of the input Parsson's column is off by an amount that depends on its buffer (column 24
 * for the 8 characters {@code [{"a":1}}); there the new parser must give the line and column of the end.
 */
final class ReferenceAgreement {

    private static final Pattern LOCATION = Pattern.compile("\\(line (\\d+), column (\\d+)\\)");
    private static final String NOT_UTF8 = "InvalidJsonException: The request body is not valid UTF-8. {}";

    private ReferenceAgreement() {
    }

    /** Fails unless both parsers answer {@code body} alike; {@code seed} picks the new parser's chunk sizes. */
    static void assertAgrees(byte[] body, int maxBatch, long seed) {
        OneByteAtATime trickle = new OneByteAtATime(body);
        String reference = outcome(() -> ReferenceReadingBatchParser.json(trickle, maxBatch));
        String all = outcome(() -> ReferenceReadingBatchParser.json(new ByteArrayInputStream(body), maxBatch));
        String actual = outcome(() -> ReadingBatchParser.json(new RandomChunks(body, seed), maxBatch));
        if (trickle.ended && LOCATION.matcher(reference).find()) {
            String end = endOf(body);
            assertEquals(line(reference), line(end), () -> "line of the end, " + describe(body, maxBatch));
            reference = located(reference, end);
            all = LOCATION.matcher(all).find() ? located(all, end) : all;
        }
        String expected = reference;
        assertEquals(expected, actual, () -> describe(body, maxBatch));
        if (!all.equals(NOT_UTF8)) {
            assertEquals(expected, all, () -> "the reference fed all at once, " + describe(body, maxBatch));
        }
    }

    /**
     * Fails unless Jackson alone ({@link JacksonReadings}) answers {@code body} wherever the answer is a batch or
     * its items' errors, as the reference gives it, and leaves every other body to Parsson: a batch that JSON
     * allows must never cost a second reading.
     */
    static void assertJacksonAnswers(byte[] body, int maxBatch) {
        String reference = outcome(() -> ReferenceReadingBatchParser.json(new ByteArrayInputStream(body), maxBatch));
        String jackson = outcome(() -> {
            ReadingBatch batch = JacksonReadings.read(new ByteArrayInputStream(body), maxBatch);
            if (batch == null) {
                throw new IllegalStateException("left to Parsson");
            }
            return batch;
        });
        boolean answered = reference.startsWith("batch of ") || reference.startsWith("InvalidReadingsException");
        assertEquals(answered ? reference : "undocumented java.lang.IllegalStateException: left to Parsson", jackson,
                () -> describe(body, maxBatch));
    }

    /** The answer of one parser as text: the batch, or the exception's class, message and fields. */
    static String outcome(Callable<ReadingBatch> parse) {
        try {
            return batch(parse.call());
        } catch (InvalidJsonException e) {
            return "InvalidJsonException: " + e.getMessage() + " " + e.fields().stream().collect(Collectors.toMap(
                    RejectedException.Field::name, RejectedException.Field::message, (a, b) -> a, TreeMap::new));
        } catch (RejectedException e) {
            return e.getClass().getSimpleName() + " " + e.reason() + ": " + e.getMessage() + " " + e.fields();
        } catch (Exception e) {
            return "undocumented " + e;
        }
    }

    static String describe(byte[] body, int maxBatch) {
        StringBuilder text = new StringBuilder("max batch " + maxBatch + ", body ");
        for (byte b : body) {
            int c = b & 0xFF;
            text.append(c >= 0x20 && c < 0x7F && c != '\\' ? String.valueOf((char) c) : "\\x%02x".formatted(c));
        }
        return text.toString();
    }

    private static String batch(ReadingBatch batch) {
        StringBuilder text = new StringBuilder("batch of " + batch.size() + " " + batch.sensorIds() + ":");
        for (int i = 0; i < batch.size(); i++) {
            text.append(' ').append(batch.sensorOf(i)).append('@').append(batch.micros(i)).append('=')
                    .append(Long.toHexString(Double.doubleToRawLongBits(batch.value(i))));
        }
        return text.toString();
    }

    /** Where a body that is valid UTF-8 ends, as Parsson counts: line breaks, then UTF-16 units since the last. */
    private static String endOf(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return "(line " + line + ", column " + (text.length() - lineStart) + ")";
    }

    private static String line(String outcome) {
        Matcher location = LOCATION.matcher(outcome);
        return location.find() ? location.group(1) : "none";
    }

    private static String located(String outcome, String location) {
        return LOCATION.matcher(outcome).replaceFirst(Matcher.quoteReplacement(location));
    }

    /** A body that hands over one byte per read and never says more is ready, noting when it has ended. */
    private static final class OneByteAtATime extends InputStream {

        private final byte[] body;
        private int at;
        boolean ended;

        OneByteAtATime(byte[] body) {
            this.body = body;
        }

        @Override
        public int read() {
            if (at == body.length) {
                ended = true;
                return -1;
            }
            return body[at++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            buffer[offset] = (byte) b;
            return 1;
        }
    }

    /** A body that hands over chunks of random sizes, mostly small, so tokens straddle every refill. */
    private static final class RandomChunks extends InputStream {

        private final byte[] body;
        private final SplittableRandom random;
        private int at;

        RandomChunks(byte[] body, long seed) {
            this.body = body;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            return at == body.length ? -1 : body[at++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (at == body.length) {
                return -1;
            }
            int most = random.nextInt(4) == 0 ? length : 1 + random.nextInt(Math.min(length, 9));
            int n = Math.min(Math.min(most, length), body.length - at);
            System.arraycopy(body, at, buffer, offset, n);
            at += n;
            return n;
        }
    }
}
