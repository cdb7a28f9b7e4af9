package sensorhub.time.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock every bean takes the time from ({@code @Inject Clock}): the system's, in UTC. One producer, so that a
 * rule that depends on time (such as how often a key's use is written down) is decided by control code given a
 * clock, which a test gives a fixed or advancing one.
 */
@ApplicationScoped
public class ServerClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
