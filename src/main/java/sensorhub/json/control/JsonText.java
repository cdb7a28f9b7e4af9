package sensorhub.json.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of JSON string tokens, decoded from bytes that {@link JsonTokenizer} has checked (escapes complete,
 * UTF-8 well formed): escapes resolved, each {@code u} escape taken as the UTF-16 code unit it names, as Parsson
 * does, paired or not. It keeps the last few short texts it made, so that a batch's repeated sensor ids cost
 * one String each: equal bytes are equal text.
 */
final class JsonText {

    private static final int KEPT = 64;
    private static final int MAX_KEPT_LENGTH = 64;

    private final byte[][] keptBytes = new byte[KEPT][];
    private final String[] keptTexts = new String[KEPT];
    private int lastKept = -1;
    private char[] chars = new char[128];

    /** The value of hex digit {@code c}, or -1 for any other byte. */
    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int letter = c | 0x20;
        return letter >= 'a' && letter <= 'f' ? letter - 'a' + 10 : -1;
    }

    String decoded(byte[] bytes, int from, int to, boolean escaped, boolean ascii) {
        if (!escaped) {
            return new String(bytes, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        return unescaped(bytes, from, to);
    }

    /** {@link #decoded}, as the same String as for the same bytes lately. */
    String interned(byte[] bytes, int from, int to, boolean escaped, boolean ascii) {
        if (to - from > MAX_KEPT_LENGTH) {
            return decoded(bytes, from, to, escaped, ascii);
        }
        if (lastKept >= 0 && isKept(lastKept, bytes, from, to)) {
            return keptTexts[lastKept];
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        lastKept = (hash ^ hash >>> 16) & (KEPT - 1);
        if (!isKept(lastKept, bytes, from, to)) {
            keptBytes[lastKept] = Arrays.copyOfRange(bytes, from, to);
            keptTexts[lastKept] = decoded(bytes, from, to, escaped, ascii);
        }
        return keptTexts[lastKept];
    }

    private boolean isKept(int slot, byte[] bytes, int from, int to) {
        byte[] kept = keptBytes[slot];
        return kept != null && Arrays.equals(kept, 0, kept.length, bytes, from, to);
    }

    private String unescaped(byte[] bytes, int from, int to) {
        if (chars.length < to - from) {
            chars = new char[to - from];
        }
        int length = 0;
        int at = from;
        while (at < to) {
            int c = bytes[at++];
            if (c == '\\') {
                c = bytes[at++];
                if (c == 'u') {
                    chars[length++] = (char) (hexValue(bytes[at]) << 12 | hexValue(bytes[at + 1]) << 8
                            | hexValue(bytes[at + 2]) << 4 | hexValue(bytes[at + 3]));
                    at += 4;
                } else {
                    chars[length++] = unescaped(c);
                }
            } else if (c >= 0) {
                chars[length++] = (char) c;
            } else {
                int continuations = c >= (byte) 0xF0 ? 3 : c >= (byte) 0xE0 ? 2 : 1;
                int codePoint = c >= (byte) 0xF0 ? c & 0x07 : c >= (byte) 0xE0 ? c & 0x0F : c & 0x1F;
                for (int i = 0; i < continuations; i++) {
                    codePoint = codePoint << 6 | bytes[at++] & 0x3F;
                }
                length += Character.toChars(codePoint, chars, length);
            }
        }
        return new String(chars, 0, length);
    }

    private static char unescaped(int c) {
        return switch (c) {
            case 'b' -> '\b';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'f' -> '\f';
            case 'r' -> '\r';
            default -> (char) c;
        };
    }
}
