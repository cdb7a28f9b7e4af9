package sensorhub.json.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The tokens of one JSON document, read straight from the UTF-8 bytes of a request body, a chunk at a time.
 *
 * <p>Hand-written for the one body whose size makes the cost per token matter, a batch of readings: Parsson
 * behind {@link StrictJson} decodes every byte into a char, and makes a String of every key and number, which
 * costs about as much as everything else done with a reading. This reads bytes in place and decodes only the
 * strings asked for.
 *
 * <p>It accepts and refuses exactly what Parsson 1.1 reading through {@link StrictJson#utf8} does, token by
 * token and in the same order: the same grammar (a number ends at the first character that cannot continue it,
 * so {@code 01} is two tokens), the same escapes, control characters refused in strings, and invalid UTF-8
 * refused where Parsson would decode it, that is when the token that holds it is read. Errors carry Parsson's
 * line and column (UTF-16 code units since the last line break outside a string). Two things differ, both
 * artefacts of Parsson's buffering: at the end of the input Parsson's column is off by an amount that depends
 * on how the body arrived in chunks (this reports the column of the last character), and Parsson's decoder
 * reads up to 8 KiB ahead, so invalid UTF-8 shortly after an error can be reported instead of it.
 * {@code ReadingBatchJsonPropertiesTest} and {@code ReadingBatchParserFuzzTest#jsonLikeReference} hold it to
 * Parsson through {@code ReferenceReadingBatchParser}.
 *
 * <p>A string or number token stays in the buffer until the next token is asked for; the buffer grows only
 * for a token longer than itself.
 */
public final class JsonTokenizer implements Closeable {

    /** The end of the input. Structural tokens are their own character: {@code { } [ ] : ,}. */
    public static final int END = -1;
    public static final int STRING = '"';
    public static final int NUMBER = '0';
    public static final int TRUE = 't';
    public static final int FALSE = 'f';
    public static final int NULL = 'n';

    private static final int CHUNK = 32 * 1024;
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long CONTROL_LIMITS = 0x20 * ONES;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;

    private final InputStream body;
    private byte[] buffer = new byte[CHUNK];
    private int position;
    private int limit;
    private boolean ended;
    /** Offset in the body of {@code buffer[0]}. */
    private long base;
    /** Bytes of the multi-byte characters read so far beyond the UTF-16 code units they decode to. */
    private long extraBytes;
    private long line = 1;
    /** Offset in UTF-16 code units of the first character of the current line. */
    private long lineStart;
    /** Where the token being read starts, kept when the buffer is refilled; -1 when none is. */
    private int mark = -1;

    private int tokenStart;
    private int tokenEnd;
    private boolean escaped;
    private boolean ascii;
    private final JsonText text = new JsonText();

    public JsonTokenizer(InputStream body) {
        this.body = body;
    }

    /** Reads the next token, one of the constants above or a structural character. */
    public int next() {
        mark = -1;
        int c = skipWhiteSpace();
        if (c == END) {
            return END;
        }
        position++;
        switch (c) {
            case '"' -> readString();
            case '{', '}', '[', ']', ':', ',' -> {
                return c;
            }
            case 't' -> expect("rue");
            case 'f' -> expect("alse");
            case 'n' -> expect("ull");
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                readNumber(c);
                return NUMBER;
            }
            default -> throw unexpected(c);
        }
        return c;
    }

    /** Whether the string token just read holds an escape (only then can it hold a lone surrogate). */
    public boolean escaped() {
        return escaped;
    }

    /** Whether the string token just read is written as the bytes {@code text}, escapes as escapes. */
    public boolean writtenAs(byte[] text) {
        return Arrays.equals(buffer, tokenStart, tokenEnd, text, 0, text.length);
    }

    /** The text of the string token just read. */
    public String string() {
        return text.decoded(buffer, tokenStart, tokenEnd, escaped, ascii);
    }

    /**
     * The text of the string token just read, as the same String as for the same text lately, if it is short:
     * a batch repeats a few sensor ids thousands of times.
     */
    public String internedString() {
        return text.interned(buffer, tokenStart, tokenEnd, escaped, ascii);
    }

    /** The value of the number token just read, as {@code Double.parseDouble} reads its text. */
    public double number() {
        return JsonDecimal.parse(buffer, tokenStart, tokenEnd);
    }

    /** The failure for a token just read where the grammar wants another, located as Parsson locates it. */
    public InvalidJsonException unexpectedToken() {
        return malformedAt(position);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw StrictJson.unreadable();
        }
    }

    private int skipWhiteSpace() {
        while (true) {
            if (position == limit && !fill()) {
                return END;
            }
            int c = buffer[position];
            if (c == ' ' || c == '\t') {
                position++;
            } else if (c == '\n') {
                position++;
                newLine();
            } else if (c == '\r') {
                position++;
                newLine();
                if ((position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                    lineStart = charOffset(position);
                }
            } else {
                return c & 0xFF;
            }
        }
    }

    private void newLine() {
        line++;
        lineStart = charOffset(position);
    }

    private void readString() {
        tokenStart = position;
        mark = position;
        escaped = false;
        ascii = true;
        while (true) {
            byte[] bytes = buffer;
            int at = position;
            int end = limit;
            while (at + Long.BYTES <= end) {
                long special = special((long) EIGHT_BYTES.get(bytes, at));
                if (special != 0) {
                    at += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                at += Long.BYTES;
            }
            int c = 0;
            while (at < end && (c = bytes[at]) >= 0x20 && c != '"' && c != '\\') {
                at++;
            }
            position = at;
            if (at == end) {
                if (!fill()) {
                    throw unexpected(END);
                }
                continue;
            }
            position++;
            if (c == '"') {
                tokenEnd = at;
                return;
            } else if (c == '\\') {
                escaped = true;
                escape();
            } else if (c < 0) {
                ascii = false;
                decode(c & 0xFF);
            } else {
                throw unexpected(c);
            }
        }
    }

    /**
     * The high bit of each of eight bytes (the first at the lowest bits) that may end a run of plain text in a
     * string: a quote, a backslash, a control character or a byte of a multi-byte character. Exact for the
     * lowest such byte; a borrow may mark bytes after it.
     */
    private static long special(long eightBytes) {
        return (eightBytes - CONTROL_LIMITS | (eightBytes ^ QUOTES) - ONES | (eightBytes ^ BACKSLASHES) - ONES
                | eightBytes) & HIGH_BITS;
    }

    private void escape() {
        int c = read();
        switch (c) {
            case 'b', 't', 'n', 'f', 'r', '"', '\\', '/' -> {
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    int digit = read();
                    if (JsonText.hexValue(digit) < 0) {
                        throw unexpected(digit);
                    }
                }
            }
            default -> throw unexpected(c);
        }
    }

    private void readNumber(int first) {
        tokenStart = position - 1;
        mark = tokenStart;
        int c = first;
        if (c == '-') {
            c = read();
            if (!isDigit(c)) {
                throw unexpected(c);
            }
        }
        c = c == '0' ? read() : digits();
        if (c == '.') {
            c = read();
            if (!isDigit(c)) {
                throw unexpected(c);
            }
            c = digits();
        }
        if (c == 'e' || c == 'E') {
            c = read();
            if (c == '+' || c == '-') {
                c = read();
            }
            if (!isDigit(c)) {
                throw unexpected(c);
            }
            c = digits();
        }
        if (c != END) {
            position--;
        }
        tokenEnd = position;
        if (c >= 0x80) {
            // Parsson decodes the character that ends a number, and so fails here on invalid UTF-8; the next
            // token reads it again.
            long extra = extraBytes;
            decode(read());
            extraBytes = extra;
            position = tokenEnd;
        }
    }

    /** Reads the digits that follow, and returns the first byte that is not one. */
    private int digits() {
        int c;
        do {
            c = read();
        } while (isDigit(c));
        return c;
    }

    /** Reads the rest of a literal ({@code true}, {@code false}, {@code null}), failing at the first wrong byte. */
    private void expect(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            int c = read();
            if (c != rest.charAt(i)) {
                throw unexpected(c);
            }
        }
    }

    /** Decodes the rest of the character that starts with byte {@code lead}, or fails as not UTF-8. */
    private void decode(int lead) {
        if (lead >= 0xC2 && lead < 0xE0) {
            continuation(0x80, 0xBF);
            extraBytes += 1;
        } else if (lead >= 0xE0 && lead < 0xF0) {
            continuation(lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF);
            continuation(0x80, 0xBF);
            extraBytes += 2;
        } else if (lead >= 0xF0 && lead < 0xF5) {
            continuation(lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF);
            continuation(0x80, 0xBF);
            continuation(0x80, 0xBF);
            extraBytes += 2;
        } else {
            throw StrictJson.notUtf8();
        }
    }

    private void continuation(int lowest, int highest) {
        int c = read();
        if (c < lowest || c > highest) {
            throw StrictJson.notUtf8();
        }
    }

    /**
     * The failure for byte {@code c} just read (or the end), where Parsson would have failed on its character:
     * not UTF-8 if the character is not, else at its column.
     */
    private InvalidJsonException unexpected(int c) {
        if (c < 0x80) {
            return malformedAt(position);
        }
        int start = position - 1;
        long column = charOffset(start) + 1 - lineStart;
        decode(c);
        return StrictJson.malformed(line, column);
    }

    private InvalidJsonException malformedAt(int at) {
        return StrictJson.malformed(line, charOffset(at) - lineStart);
    }

    private long charOffset(int at) {
        return base + at - extraBytes;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The next byte, or {@link #END}. */
    private int read() {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++] & 0xFF;
    }

    /**
     * Reads more of the body after what is in the buffer, keeping the token being read from {@link #mark};
     * false at the end of the body.
     */
    private boolean fill() {
        if (ended) {
            return false;
        }
        int keep = mark >= 0 ? mark : position;
        if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, limit - keep);
            base += keep;
            position -= keep;
            limit -= keep;
            tokenStart -= keep;
            tokenEnd -= keep;
            mark = mark >= 0 ? 0 : -1;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n;
        try {
            n = body.read(buffer, limit, buffer.length - limit);
        } catch (IOException e) {
            throw StrictJson.unreadable();
        }
        if (n < 0) {
            ended = true;
            return false;
        }
        if (n == 0) {
            // what InputStreamReader says of a stream that breaks its contract, rather than spin
            throw StrictJson.unreadable();
        }
        limit += n;
        return true;
    }
}
