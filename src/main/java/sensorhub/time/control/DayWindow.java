package sensorhub.time.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import sensorhub.problems.boundary.Problem.FieldError;
import sensorhub.problems.boundary.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/**
 * A calendar day in a time zone as the span of instants it covers, {@code [start, end)} in epoch microseconds:
 * 23 or 25 hours long when the zone changes its clocks that day.
 */
public record DayWindow(LocalDate day, ZoneId zone, long startMicros, long endMicros) {

    public static DayWindow of(LocalDate day, ZoneId zone) {
        return new DayWindow(day, zone, EpochMicros.of(day.atStartOfDay(zone).toInstant()),
                EpochMicros.of(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** The day a client named in the path parameter {@code date}, in the zone it named; a 400 for either. */
    public static DayWindow parse(String date, String zone) {
        return of(parseDay("date", date), parseZone(zone));
    }

    /** The day a client named in the parameter {@code parameter}, or a 400 that says what is wrong with it. */
    public static LocalDate parseDay(String parameter, String day) {
        try {
            LocalDate date = LocalDate.parse(day);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below, like a year out of range
        }
        throw invalid(parameter, "must be a date of the form YYYY-MM-DD");
    }

    /** The zone a client named ({@code zone}), or a 400 that says what is wrong with it. */
    public static ZoneId parseZone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw invalid("zone", "must be a time zone id such as UTC or Europe/Berlin");
        }
    }

    private static ProblemException invalid(String parameter, String message) {
        return new ProblemException(Status.BAD_REQUEST, "The parameter '" + parameter + "' " + message + ".",
                List.of(new FieldError(parameter, message)));
    }

    public DayWindow next() {
        return of(day.plusDays(1), zone);
    }
}
