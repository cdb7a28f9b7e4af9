package sensorhub.readings.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body that keeps the bytes read from it, so that a body {@link JacksonReadings} refuses can be read
 * again from its start by {@link ParssonReadings}, which says what is wrong and where.
 *
 * <p>It refuses a body that starts with a byte order mark or holds a NUL in its first four bytes: Jackson would
 * pass over the one and take the other for UTF-16 or UTF-32, where Parsson reads UTF-8 and refuses both.
 */
final class RetainedBody extends InputStream {

    /** A position after every byte: nothing is handed over a byte at a time. */
    static final int NOWHERE = Integer.MAX_VALUE;
    private static final int CHUNK = 8192;
    private static final int BLOCK = 64 * 1024;
    private static final int ENCODING_SIGNS = 4;

    private final InputStream body;
    /** The bytes read, in blocks of {@link #BLOCK}: a large body is copied once, not again at every doubling. */
    private final List<byte[]> blocks = new ArrayList<>();
    private int length;
    private boolean ended;

    RetainedBody(InputStream body) {
        this.body = body;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = body.read(buffer, offset, count);
        if (n < 0) {
            ended = true;
        } else if (n > 0) {
            retain(buffer, offset, n);
            if (length - n < ENCODING_SIGNS && !readAsUtf8()) {
                throw new IOException("not taken for UTF-8 by Jackson");
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    /**
     * The body from its start, for an {@code InputStreamReader}: what was read before, then the rest. From
     * {@code trickleFrom} on a byte at a time, so that the reader decodes no further ahead than its user reads.
     */
    Replay replay(int trickleFrom) {
        return new Replay(trickleFrom);
    }

    /** Where the first byte that is not UTF-8 stands among those read, or {@link #length()} if none does yet. */
    int firstMalformed() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes(), 0, length);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        while (true) {
            CoderResult result = decoder.decode(in, out, ended);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return ended ? length : in.position();
            }
            out.clear();
        }
    }

    int length() {
        return length;
    }

    /**
     * Where the text read ends, as Parsson counts (lines after CR, LF or CRLF; UTF-16 units since the last):
     * {@code {line, column}}. The bytes read must be UTF-8.
     */
    long[] end() {
        byte[] bytes = bytes();
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r' && (i + 1 == length || bytes[i + 1] != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        long column = 0;
        for (int i = lineStart; i < length; i++) {
            int b = bytes[i] & 0xFF;
            column += b >= 0xF0 ? 2 : b >= 0x80 && b < 0xC0 ? 0 : 1;
        }
        return new long[] {line, column};
    }

    private boolean readAsUtf8() {
        byte[] first = blocks.get(0);
        int signs = Math.min(length, ENCODING_SIGNS);
        for (int i = 0; i < signs; i++) {
            if (first[i] == 0) {
                return false;
            }
        }
        return !(length >= 3 && first[0] == (byte) 0xEF && first[1] == (byte) 0xBB && first[2] == (byte) 0xBF);
    }

    private void retain(byte[] buffer, int offset, int n) {
        while (n > 0) {
            int at = length % BLOCK;
            if (at == 0) {
                blocks.add(new byte[BLOCK]);
            }
            int part = Math.min(n, BLOCK - at);
            System.arraycopy(buffer, offset, blocks.get(blocks.size() - 1), at, part);
            length += part;
            offset += part;
            n -= part;
        }
    }

    /** The bytes read in one piece, for the rare body that Parsson reads. */
    private byte[] bytes() {
        byte[] bytes = new byte[length];
        copy(0, bytes, 0, length);
        return bytes;
    }

    private void copy(int from, byte[] to, int offset, int n) {
        while (n > 0) {
            int at = from % BLOCK;
            int part = Math.min(n, BLOCK - at);
            System.arraycopy(blocks.get(from / BLOCK), at, to, offset, part);
            from += part;
            offset += part;
            n -= part;
        }
    }

    /** One reading of the body from its start; it says no byte is ready, so a reader asks only when it must. */
    final class Replay extends InputStream {

        private final int trickleFrom;
        private int at;
        private boolean replayEnded;

        private Replay(int trickleFrom) {
            this.trickleFrom = trickleFrom;
        }

        /** Whether the reader was told that the body ended. */
        boolean ended() {
            return replayEnded;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (at == length && (ended || readMore() < 0)) {
                replayEnded = true;
                return -1;
            }
            int n = Math.min(count, length - at);
            if (at >= trickleFrom) {
                n = 1;
            } else if (trickleFrom < length) {
                n = Math.min(n, trickleFrom - at);
            }
            copy(at, buffer, offset, n);
            at += n;
            return n;
        }

        private int readMore() throws IOException {
            byte[] chunk = new byte[CHUNK];
            int n = body.read(chunk, 0, chunk.length);
            if (n < 0) {
                ended = true;
            } else {
                retain(chunk, 0, n);
            }
            return n;
        }

        @Override
        public void close() {
            // the body is closed by its owner
        }
    }
}
