package sensorhub.time.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Holds the hand-written timestamp parser to {@link IsoReference}: on every text both refuse it, or both give
 * the same microseconds.
 */
class IsoTimestampsPropertiesTest {

    /** Digits of other scripts that {@code Character.isDigit} accepts and ISO-8601 does not. */
    private static final List<String> FOREIGN_DIGITS = List.of("\u0663", "\u06F5", "\u096F", "\uFF15", "\u07C3",
            "\uD835\uDFD7");
    private static final List<String> STRAY_TEXT = List.of("0", "1", "5", "9", ".", ":", "-", "+", "T", "t", "Z",
            "z", " ", "\u00A0", ",", "[", "]", "00", ".5");

    @Property(tries = 3000)
    void agreesWithTheReferenceOnWellFormedTimestamps(@ForAll("wellFormed") String text) {
        assertAgree(text);
    }

    @Property(tries = 3000)
    void agreesWithTheReferenceOnFieldsOutOfRange(@ForAll("anyFields") String text) {
        assertAgree(text);
    }

    @Property(tries = 5000)
    void agreesWithTheReferenceOnMutatedTimestamps(@ForAll("mutated") String text) {
        assertAgree(text);
    }

    @Example
    void refusesADotWithoutFractionDigits() {
        assertAgree("2026-01-02T03:04:05.Z");
        assertAgree("2026-01-02T03:04:05.");
    }

    @Example
    void refusesDigitsOfOtherScripts() {
        assertAgree("2026-01-02T03:04:05.\u0663Z");
    }

    @Example
    void refusesOffsetsThatLeaveTheYears1To9999() {
        assertAgree("0001-01-01T00:00:00+01:00");
        assertAgree("9999-12-31T23:59:59-00:01");
    }

    private static void assertAgree(String text) {
        assertEquals(IsoReference.micros(text), IsoReference.fast(text), text);
    }

    @Provide
    Arbitrary<String> wellFormed() {
        Arbitrary<Integer> years = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 9999)),
                Tuple.of(1, Arbitraries.of(1, 2, 4, 100, 400, 1600, 1900, 1970, 2000, 2024, 9996, 9998, 9999)));
        Arbitrary<String> anyDate = Combinators.combine(years, Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 31), Arbitraries.of(false, false, false, true))
                .as((year, month, day, leapDay) -> leapDay && YearMonth.of(year, 2).isLeapYear()
                        ? "%04d-02-29".formatted(year)
                        : "%04d-%02d-%02d".formatted(year, month, Math.min(day, YearMonth.of(year, month)
                                .lengthOfMonth())));
        Arbitrary<String> dates = Arbitraries.frequencyOf(Tuple.of(4, anyDate), Tuple.of(1, Arbitraries.of(
                "0001-01-01", "9999-12-31", "2000-02-29", "2024-02-29", "1900-02-28", "1970-01-01")));
        Arbitrary<String> anyTime = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59))
                .as("T%02d:%02d:%02d"::formatted);
        Arbitrary<String> times = Arbitraries.frequencyOf(Tuple.of(4, anyTime),
                Tuple.of(1, Arbitraries.of("T00:00:00", "T23:59:59")));
        return Combinators.combine(dates, times, fractions(), offsets()).as((d, t, f, o) -> d + t + f + o);
    }

    @Provide
    Arbitrary<String> anyFields() {
        Arbitrary<Integer> twoDigits = Arbitraries.integers().between(0, 99);
        return Combinators.combine(Arbitraries.integers().between(0, 9999), twoDigits, twoDigits, twoDigits,
                twoDigits, twoDigits, anyFractions(), offsets())
                .as((year, month, day, hour, minute, second, f, o) -> "%04d-%02d-%02dT%02d:%02d:%02d%s%s"
                        .formatted(year, month, day, hour, minute, second, f, o));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(FOREIGN_DIGITS), Arbitraries.of(STRAY_TEXT));
        Arbitrary<String> once = mutationOf(wellFormed(), pieces);
        return Arbitraries.oneOf(once, mutationOf(once, pieces));
    }

    private static Arbitrary<String> mutationOf(Arbitrary<String> texts, Arbitrary<String> pieces) {
        return Combinators.combine(texts, Arbitraries.of(Mutation.class), Arbitraries.integers().between(0, 40),
                pieces).as((text, mutation, position, piece) -> mutation.apply(text, position, piece));
    }

    /** None, or one to nine digits. */
    private static Arbitrary<String> fractions() {
        return fractionDigits(0, 9);
    }

    /** Also a {@code .} without digits and ten digits. */
    private static Arbitrary<String> anyFractions() {
        return Arbitraries.oneOf(fractionDigits(0, 10), Arbitraries.just("."));
    }

    private static Arbitrary<String> fractionDigits(int min, int max) {
        return Arbitraries.integers().between(min, max).flatMap(digits -> digits == 0
                ? Arbitraries.just("")
                : Arbitraries.strings().numeric().ofLength(digits).map(f -> "." + f));
    }

    private static Arbitrary<String> offsets() {
        Arbitrary<String> numeric = Combinators.combine(Arbitraries.of("+", "-"),
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(0, 18)),
                        Tuple.of(1, Arbitraries.integers().between(19, 99))),
                Arbitraries.integers().between(0, 59))
                .as((sign, hours, minutes) -> "%s%02d:%02d".formatted(sign, hours, minutes));
        return Arbitraries.oneOf(Arbitraries.of("", "Z"), numeric, Arbitraries.of("+18:00", "-18:00", "+00:00",
                "-00:00", "+01:00:30", "z", "+0100", "+01"));
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
