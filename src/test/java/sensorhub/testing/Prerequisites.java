package sensorhub.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine beyond a JDK (Chromium, Mosquitto). Where it is missing the test is not run,
 * and {@link NotRun} lists it with the reason at the end of the run, so that {@code ./mvnw verify} passes on a
 * fresh machine and says what it left out. CI sets {@code it.prerequisites.required=true}: there a missing
 * prerequisite fails the test instead, and nothing is skipped silently.
 */
public final class Prerequisites {

    static final boolean REQUIRED = Boolean.getBoolean("it.prerequisites.required");

    private Prerequisites() {
    }

    /** @param missing why the test cannot run here, if it cannot; with it, a CI run fails and any other skips */
    public static void need(Optional<String> missing) {
        missing.ifPresent(why -> {
            if (REQUIRED) {
                fail(why + " (it.prerequisites.required=true)");
            }
            Assumptions.abort(why);
        });
    }
}
