package sensorhub.problems.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/**
 * Writes the counts of requests answered 503 every 10 s ({@link sensorhub.problems.control.FailureLog#report}),
 * so that the last seconds of an outage are reported too when no further failure comes to report them.
 */
@Singleton
public class FailureReports {

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void report() {
        UnexpectedFailureMapper.UNAVAILABLE.report();
    }
}
