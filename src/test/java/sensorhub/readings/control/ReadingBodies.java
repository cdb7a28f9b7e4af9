package sensorhub.readings.control;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random JSON bodies of reading batches for the property tests: well-formed ones with every liberty JSON and
 * the batch allow (white space anywhere, fields in any order, unknown fields with nested values, escapes,
 * numbers in every form, timestamps in several shapes), items that break one rule of a reading, and bodies
 * broken afterwards at the byte level (truncated, invalid UTF-8, stray characters, deep nesting, trailing data).
 * Each body follows from its seed alone, so a failure is replayed from the seed in its message.
 */
final class ReadingBodies {

    private static final String[] WHITE_SPACE = {" ", "\n", "\r\n", "\t", "\r", "  \n\t ", "\n\n"};
    private static final String[] IDS = {"bench-rest-03", "a", "kitchen", "caf\u00e9", "caf\\u00e9", "\\\"q\\\"",
            "back\\\\slash", "\\/", "\ud83d\ude00", "\\ud83d\\ude00", "\\uD83D\\uDE00", "tab\\there", " padded ",
            "\u2028", "\ufeff", "\\u0001", "\\b\\f\\n\\r\\t", "\u00e9\u4e2d\ud800\udf48", "s".repeat(90),
            "\u00e9".repeat(90), "\ud83d\ude00".repeat(45), "", "sensor_id", "nul\\u0000l"};
    private static final String[] BAD_IDS = {"s".repeat(91), "\ud83d\ude00".repeat(46), "\\ud800", "a\\udc00",
            "\\ud83d", "\\ud83dx", "\\ude00\\ud83d", "\\ud83d\ud83d\ude00", "x".repeat(40_000)};
    private static final String[] TIMES = {"2026-01-01T00:00:01Z", "2026-01-02T03:04:05.000001Z",
            "2026-01-02T05:04:05+02:00", "2026-01-02T03:04:06", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
            "2024-02-29T12:00:00.123456789-05:30", "2026-01-01T00:00:01.5Z", "2026-01-01T00:00:01+01:00[Europe/Paris]",
            "\\t2026-01-01T00:00:01Z ", " 2026-01-01T00:00:01Z", "2026-01-01T00:00Z", "2026-01-01T24:00:00Z"};
    private static final String[] BAD_TIMES = {"yesterday", "", "2026-02-30T00:00:00Z", "2026-01-01",
            "2026-01-01T00:00:01.Z", "0000-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00", "2026-01-01t00:00:01Z",
            "2026-01-01T00:00:01\\ud800Z", "2026-01-01T00:00:0\u0663Z", "1767225601"};
    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "21.374", "0.1", "-0.000001", "1e5", "1E-5",
            "1e+5", "-2.5E+10", "0e0", "-0.0e-0", "1e308", "1.7976931348623157e308", "1.7976931348623158e308",
            "4.9e-324", "2e-324", "1e-400", "2.2250738585072011e-308", "9007199254740993", "0.30000000000000004",
            "123456789012345", "1234567890123456", "12345678901234567890123", "0.000000000000000000000001",
            "1e22", "1e23", "8.41e21", "1e-22", "1e-23", "999999999999999e22", "1.00000000000000011102230246251565",
            "1e0000000000005", "1e999999999999999999", "0e99999999999999", "3.0000000000000000000000000000000001"};
    private static final String[] BAD_NUMBERS = {"1e309", "-1e999", "1.7976931348623159e308", "01", "-01", "1.",
            ".5", "-", "+1", "NaN", "Infinity", "-Infinity", "1e", "1e+", "0x10", "1_000", "\u0661", "1.e5", "--1",
            "1.5e3.2", "\"21.5\"", "true", "[1]", "{\"v\":1}", "null"};
    private static final String[] UNKNOWN_KEYS = {"note", "unit", "Value", "sensor_id ", "sensorId", "",
            "valu\\u0065", "sensor\\u005fid", "creation\\u005Fdate", "\\u0076alue", "\\ud800", "\u00e9", "extra"};
    private static final String[] STRAYS = {"\"", "\\", "{", "}", "[", "]", ",", ":", "0", "-", ".", "e", "x", " ",
            "\n", "\r", "true", "nul", "\\u", "\\ud800", "\u00e9", "\ud83d\ude00", "\ufeff", "\u0000", "\u001f",
            "\u007f", "/", "'", "1", "E+", "\013", "\014", "\u00a0", "\u3000", "\u2028"};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}, {(byte) 0xF8, (byte) 0x88},
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xC3, (byte) 0x28}, {(byte) 0xEF, (byte) 0xBB}};

    private final SplittableRandom random;

    ReadingBodies(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A body that JSON allows, whose items may each break a rule of a reading ({@code faults} of 100). */
    String wellFormed(int faults) {
        StringBuilder json = new StringBuilder();
        space(json).append('[');
        int items = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(6);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                space(json).append(',');
            }
            space(json);
            if (random.nextInt(100) < faults && random.nextInt(5) == 0) {
                json.append(anyValue(0));
            } else {
                item(json, faults);
            }
        }
        return space(space(json).append(']')).toString();
    }

    /** A well-formed body broken at the byte level, once or a few times. */
    byte[] broken() {
        byte[] body = bytes(wellFormed(20));
        int changes = 1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0);
        for (int i = 0; i < changes; i++) {
            body = brokenOnce(body);
        }
        return body;
    }

    int maxBatch() {
        return random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 1000;
    }

    long seed() {
        return random.nextLong();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void item(StringBuilder json, int faults) {
        List<String> fields = new ArrayList<>();
        boolean faulty = random.nextInt(100) < faults;
        fields.add(field("sensor_id", faulty && random.nextInt(3) == 0 ? badString(BAD_IDS) : string(pick(IDS))));
        fields.add(field("creation_date", faulty && random.nextInt(3) == 0 ? badString(BAD_TIMES) : string(time())));
        fields.add(field("value", faulty && random.nextInt(3) == 0 ? pick(BAD_NUMBERS) : number()));
        if (faulty && random.nextInt(3) == 0) {
            fields.remove(random.nextInt(fields.size()));
        }
        if (faulty && random.nextInt(3) == 0) {
            fields.add(fields.get(random.nextInt(fields.size())));
        }
        int unknown = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < unknown; i++) {
            fields.add(field(pick(UNKNOWN_KEYS), anyValue(1)));
        }
        for (int i = fields.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            fields.set(i, fields.set(j, fields.get(i)));
        }
        json.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                space(json).append(',');
            }
            space(json).append(fields.get(i));
        }
        space(json).append('}');
    }

    private String field(String key, String value) {
        StringBuilder field = new StringBuilder(string(key));
        space(field).append(':');
        return space(field).append(value).toString();
    }

    private String badString(String[] texts) {
        return random.nextInt(4) == 0 ? pick(new String[] {"null", "42", "true", "[\"a\"]", "{}"})
                : string(pick(texts));
    }

    private String time() {
        if (random.nextBoolean()) {
            return pick(TIMES);
        }
        int digits = random.nextInt(10);
        String fraction = digits == 0 ? "" : "." + Long.toString(random.nextLong(1_000_000_000L) + 1_000_000_000L)
                .substring(1, 1 + digits);
        String[] offsets = {"Z", "", "+01:00", "-05:30", "+18:00", "+00:00"};
        return "%04d-%02d-%02dT%02d:%02d:%02d%s%s".formatted(1 + random.nextInt(9999), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), fraction,
                pick(offsets));
    }

    private String number() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(NUMBERS);
            case 1 -> Double.toString(randomDouble());
            case 2 -> new BigDecimal(randomDouble()).toString().replace("E+", random.nextBoolean() ? "e" : "E+");
            case 3 -> Math.round(randomDouble() * 1000) / 1000d + "";
            case 4 -> digits(1 + random.nextInt(25))
                    + (random.nextBoolean() ? "." + digits(1 + random.nextInt(20)) : "")
                    + (random.nextBoolean() ? "e" + (random.nextBoolean() ? "-" : "") + random.nextInt(330) : "");
            default -> (random.nextBoolean() ? "-" : "") + random.nextInt(1000) + "." + digits(random.nextInt(4) + 1)
                    + (random.nextInt(3) == 0 ? "E" + (random.nextInt(45) - 22) : "");
        };
    }

    private double randomDouble() {
        return random.nextBoolean() ? (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20)
                : Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** Any JSON value, nested up to a few levels. */
    private String anyValue(int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 8);
        return switch (kind) {
            case 0 -> string(pick(IDS));
            case 1 -> number();
            case 2 -> pick(new String[] {"true", "false", "null"});
            case 3 -> string(pick(UNKNOWN_KEYS));
            case 4 -> pick(new String[] {"[]", "{}", "[[]]", "{\"a\":{}}"});
            case 5 -> {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    space(array.append(i > 0 ? "," : "")).append(anyValue(depth + 1));
                }
                yield space(array).append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    object.append(i > 0 ? "," : "").append(field(pick(UNKNOWN_KEYS), anyValue(depth + 1)));
                }
                yield space(object).append('}').toString();
            }
        };
    }

    private byte[] brokenOnce(byte[] body) {
        int at = body.length == 0 ? 0 : random.nextInt(body.length + 1);
        return switch (random.nextInt(12)) {
            case 0 -> slice(body, 0, at);
            case 1 -> join(slice(body, 0, at), slice(body, Math.min(body.length, at + 1), body.length));
            case 2, 3 -> join(slice(body, 0, at), bytes(pick(STRAYS)), slice(body, at, body.length));
            case 4 -> join(slice(body, 0, at), pickBytes(), slice(body, at, body.length));
            case 5 -> join(body, bytes(pick(new String[] {"]", " {}", "x", "\u0000", "[]", ",", " 1", "\"", "-",
                    "tru", "01", " \"a\" "})));
            case 6 -> join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            case 7 -> {
                int depth = 28 + random.nextInt(8);
                yield join(slice(body, 0, at), bytes("[".repeat(depth) + "1" + "]".repeat(random.nextInt(depth + 1))),
                        slice(body, at, body.length));
            }
            case 8 -> {
                int from = random.nextInt(at + 1);
                yield join(slice(body, 0, at), slice(body, from, at), slice(body, at, body.length));
            }
            case 9 -> bytes(new String(body, StandardCharsets.UTF_8).replaceFirst("(?<=\"value\":)[^,}]*",
                    pick(BAD_NUMBERS)));
            case 10 -> at + 1 < body.length ? join(slice(body, 0, at), slice(body, at + 1, at + 2),
                    slice(body, at, at + 1), slice(body, at + 2, body.length)) : body;
            default -> join(slice(body, 0, at), bytes(pick(STRAYS)), slice(body, Math.min(body.length, at + 1),
                    body.length));
        };
    }

    private byte[] pickBytes() {
        return INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
    }

    private StringBuilder space(StringBuilder json) {
        if (random.nextInt(5) == 0) {
            json.append(pick(WHITE_SPACE));
        }
        return json;
    }

    private static String string(String content) {
        return "\"" + content + "\"";
    }

    private String pick(String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    private static byte[] slice(byte[] body, int from, int to) {
        return Arrays.copyOfRange(body, from, to);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }
}
