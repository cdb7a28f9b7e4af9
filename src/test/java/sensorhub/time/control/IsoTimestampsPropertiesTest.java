package sensorhub.time.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sensorhub.testing.PropertyCheck.forSeeds;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Inputs;

/**
 * Holds the hand-written timestamp parser to {@link IsoReference}: on every text both refuse it, or both give
 * the same microseconds. Each random text follows from a seed that a failure names
 * ({@link sensorhub.testing.PropertyCheck}).
 */
class IsoTimestampsPropertiesTest {

    /** Digits of other scripts that {@code Character.isDigit} accepts and ISO-8601 does not. */
    private static final List<String> FOREIGN_DIGITS = List.of("\u0663", "\u06F5", "\u096F", "\uFF15", "\u07C3",
            "\uD835\uDFD7");
    private static final List<String> STRAY_TEXT = List.of("0", "1", "5", "9", ".", ":", "-", "+", "T", "t", "Z",
            "z", " ", "\u00A0", ",", "[", "]", "00", ".5");

    @Test
    void agreesWithTheReferenceOnWellFormedTimestamps() {
        forSeeds(6_000, 1, IsoTimestampsPropertiesTest::wellFormed, IsoTimestampsPropertiesTest::assertAgree);
    }

    @Test
    void agreesWithTheReferenceOnFieldsOutOfRange() {
        forSeeds(6_000, 2, IsoTimestampsPropertiesTest::anyFields, IsoTimestampsPropertiesTest::assertAgree);
    }

    @Test
    void agreesWithTheReferenceOnMutatedTimestamps() {
        forSeeds(10_000, 3, IsoTimestampsPropertiesTest::mutated, IsoTimestampsPropertiesTest::assertAgree);
    }

    @Test
    void refusesADotWithoutFractionDigits() {
        assertAgree("2026-01-02T03:04:05.Z");
        assertAgree("2026-01-02T03:04:05.");
    }

    @Test
    void refusesDigitsOfOtherScripts() {
        assertAgree("2026-01-02T03:04:05.\u0663Z");
    }

    @Test
    void refusesOffsetsThatLeaveTheYears1To9999() {
        assertAgree("0001-01-01T00:00:00+01:00");
        assertAgree("9999-12-31T23:59:59-00:01");
    }

    private static void assertAgree(String text) {
        assertEquals(IsoReference.micros(text), IsoReference.fast(text), text);
    }

    /** A valid date and time of the years 1 to 9999, with or without fraction and offset. */
    static String wellFormed(Inputs inputs) {
        String date;
        if (inputs.weighted(4, 1) == 0) {
            int year = inputs.weighted(3, 1) == 0 ? inputs.between(1, 9999)
                    : inputs.pick(1, 2, 4, 100, 400, 1600, 1900, 1970, 2000, 2024, 9996, 9998, 9999);
            int month = inputs.between(1, 12);
            int day = inputs.between(1, 31);
            boolean leapDay = inputs.pick(false, false, false, true);
            date = leapDay && YearMonth.of(year, 2).isLeapYear()
                    ? "%04d-02-29".formatted(year)
                    : "%04d-%02d-%02d".formatted(year, month, Math.min(day, YearMonth.of(year, month)
                            .lengthOfMonth()));
        } else {
            date = inputs.pick("0001-01-01", "9999-12-31", "2000-02-29", "2024-02-29", "1900-02-28", "1970-01-01");
        }
        String time = inputs.weighted(4, 1) == 0
                ? "T%02d:%02d:%02d".formatted(inputs.between(0, 23), inputs.between(0, 59), inputs.between(0, 59))
                : inputs.pick("T00:00:00", "T23:59:59");
        return date + time + fraction(inputs, 9) + offset(inputs);
    }

    /**
     * Four digits of year and two of every other field, each anything they hold, in its range or at a bound of
     * it, so that one field out of range meets others in range; so are the offset's hours and minutes, half the
     * time. Fractions are also {@code .} or ten digits.
     */
    static String anyFields(Inputs inputs) {
        return "%04d-%02d-%02dT%02d:%02d:%02d%s%s".formatted(field(inputs, 9999, 1, 9999), field(inputs, 99, 1, 12),
                field(inputs, 99, 1, 28, 29, 30, 31), field(inputs, 99, 0, 23), field(inputs, 99, 0, 59),
                field(inputs, 99, 0, 59), inputs.random().nextBoolean() ? fraction(inputs, 10) : ".",
                inputs.random().nextBoolean() ? offset(inputs) : "%s%02d:%02d".formatted(inputs.pick("+", "-"),
                        field(inputs, 99, 0, 18), field(inputs, 99, 0, 59)));
    }

    /** From 0 to {@code most}: anything, or in the range from {@code bounds[0]} to the last, or next to a bound. */
    private static int field(Inputs inputs, int most, int... bounds) {
        int min = bounds[0];
        int max = bounds[bounds.length - 1];
        return switch (inputs.weighted(2, 1, 1)) {
            case 0 -> inputs.between(0, most);
            case 1 -> inputs.between(min, max);
            default -> {
                int bound = inputs.random().nextBoolean() ? min : bounds[inputs.random().nextInt(bounds.length)];
                yield Math.max(0, Math.min(most, bound + inputs.between(-1, 1)));
            }
        };
    }

    /** A well-formed timestamp changed once or twice. */
    static String mutated(Inputs inputs) {
        String once = mutation(inputs, wellFormed(inputs));
        return inputs.random().nextBoolean() ? once : mutation(inputs, once);
    }

    private static String mutation(Inputs inputs, String text) {
        Mutation mutation = inputs.pick(Mutation.class);
        int position = inputs.between(0, 40);
        String piece = inputs.pick(inputs.random().nextBoolean() ? FOREIGN_DIGITS : STRAY_TEXT);
        return mutation.apply(text, position, piece);
    }

    /** None, or a dot and one to {@code maxDigits} digits. */
    private static String fraction(Inputs inputs, int maxDigits) {
        int digits = inputs.between(0, maxDigits);
        return digits == 0 ? "" : "." + inputs.digits(digits);
    }

    private static String offset(Inputs inputs) {
        return switch (inputs.weighted(1, 1, 1)) {
            case 0 -> inputs.pick("", "Z");
            case 1 -> "%s%02d:%02d".formatted(inputs.pick("+", "-"), inputs.weighted(9, 1) == 0
                    ? inputs.between(0, 18) : inputs.between(19, 99), inputs.between(0, 59));
            default -> inputs.pick("+18:00", "-18:00", "+00:00", "-00:00", "+01:00:30", "z", "+0100", "+01");
        };
    }

    /** One change to a timestamp's text at a position (taken modulo its length). */
    enum Mutation {
        SWAP, REPLACE, INSERT, DELETE, TRUNCATE, DROP_FRACTION_DIGITS, DROP_SECONDS, DROP_OFFSET;

        String apply(String text, int position, String piece) {
            if (text.isEmpty()) {
                return piece;
            }
            int at = position % text.length();
            return switch (this) {
                case SWAP -> at + 1 < text.length()
                        ? text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2)
                        : text;
                case REPLACE -> text.substring(0, at) + piece + text.substring(at + 1);
                case INSERT -> text.substring(0, at) + piece + text.substring(at);
                case DELETE -> text.substring(0, at) + text.substring(at + 1);
                case TRUNCATE -> text.substring(0, at);
                case DROP_FRACTION_DIGITS -> text.replaceFirst("\\.[0-9]+", ".");
                case DROP_SECONDS -> text.replaceFirst("(T[0-9]{2}:[0-9]{2}):[0-9]{2}", "$1");
                case DROP_OFFSET -> text.replaceFirst("([Zz]|[+-][0-9:]+)$", "");
            };
        }
    }
}
