package sensorhub.time.control;

import sensorhub.problems.control.InvalidParameterException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Dates, instants and zones as clients name them in query and path parameters, each refused precisely. */
public final class TimeParameters {

    private TimeParameters() {
    }

    /** The day a client named in the parameter {@code parameter}, in the years 1 to 9999. */
    public static LocalDate day(String parameter, String day) {
        try {
            LocalDate date = LocalDate.parse(day);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below, like a year out of range
        }
        throw new InvalidParameterException(parameter, "must be a date of the form YYYY-MM-DD");
    }

    /** The zone a client named in the parameter {@code zone}. */
    public static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidParameterException("zone", "must be a time zone id such as UTC or Europe/Berlin");
        }
    }

    /** The instant a client named in the parameter {@code parameter}; without an offset it is UTC. */
    public static Instant instant(String parameter, String text) {
        try {
            return IsoTimestamps.instant(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter,
                    "must be an ISO-8601 timestamp such as 2026-11-28T09:30:00Z");
        }
    }
}
