package sensorhub.reliability;

import java.util.Arrays;
import java.util.List;

/**
 * Sizes, durations, limits and ports of a reliability run. Each can be overridden by a system property of the same
 * name with the prefix {@code reliability.}, e.g. {@code -Dreliability.loadSeconds=20} for a quick trial.
 * {@code reliability.payaraOptions} adds Payara Micro options (e.g. {@code --prebootcommandfile some.asadmin});
 * a {@code -D} on the harness's command line reaches the suite as it is.
 */
record ReliabilitySettings(
        int loadClients,
        int loadSeconds,
        int loadSensors,
        int minBatch,
        int maxBatch,
        int hangSeconds,
        int aggregationChecks,
        int outageClients,
        int outageReaders,
        int outageSensors,
        int outageUpSeconds,
        int outageDownSeconds,
        int outageAfterSeconds,
        int outageLimitMillis,
        int recoveryLimitMillis,
        int graceSeconds,
        int retryPauseMillis,
        int port,
        int databasePort,
        String serverJvmOptions,
        String payaraOptions) {

    static ReliabilitySettings fromSystemProperties() {
        return new ReliabilitySettings(
                number("loadClients", 100),
                number("loadSeconds", 60),
                number("loadSensors", 20),
                number("minBatch", 10),
                number("maxBatch", 500),
                // A request not answered within this long is a hang.
                number("hangSeconds", 10),
                number("aggregationChecks", 8),
                number("outageClients", 20),
                number("outageReaders", 5),
                number("outageSensors", 10),
                number("outageUpSeconds", 10),
                number("outageDownSeconds", 10),
                number("outageAfterSeconds", 20),
                number("outageLimitMillis", 2000),
                number("recoveryLimitMillis", 2000),
                // After the database accepts connections again, 503s are still forgiven this long.
                number("graceSeconds", 5),
                // Ingest clients retry a refused batch after this pause (not after Retry-After, which would hide
                // how fast the service recovers).
                number("retryPauseMillis", 100),
                number("port", 28280),
                number("databasePort", 3407),
                text("serverJvmOptions", "-Xmx512m"),
                text("payaraOptions", ""));
    }

    List<String> serverJvmOptionList() {
        return words(serverJvmOptions);
    }

    List<String> payaraOptionList() {
        return words(payaraOptions);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    private static int number(String name, int fallback) {
        return Integer.getInteger("reliability." + name, fallback);
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty("reliability." + name);
        return value == null ? fallback : value;
    }
}
