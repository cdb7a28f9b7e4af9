package sensorhub.json.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails with {@link BodyTooLargeException} as soon as more than {@code maxBytes} arrive, so a
 * huge body costs the bytes up to the limit, not its whole length in time and memory. (Commons IO's
 * {@code BoundedInputStream} would end the body quietly, which reads as a truncated document.)
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    public LimitedInputStream(InputStream body, long maxBytes) {
        super(body);
        this.maxBytes = maxBytes;
    }

    /**
     * Refuses at once a body whose {@code Content-Length} is over the limit, instead of reading up to the limit,
     * or waiting for bytes that a client declared and never sends.
     */
    public static void refuseDeclaredLength(String contentLength, long maxBytes) {
        if (contentLength != null && !contentLength.isBlank()) {
            try {
                if (Long.parseLong(contentLength.trim()) <= maxBytes) {
                    return;
                }
            } catch (NumberFormatException e) {
                // longer than a long: over any limit
            }
            throw new BodyTooLargeException(maxBytes);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
    }
}
