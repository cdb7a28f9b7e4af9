package sensorhub.testing;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the tests' own broker ({@link PrivateBroker}) before any test of an integration-test run, on the port
 * {@code it.mqtt.port} that the service under test is told to subscribe at, and stops it when the run ends. Runs
 * without the property (unit tests) or without Mosquitto start none; the MQTT tests then say they did not run.
 */
public final class BrokerForTheRun implements LauncherSessionListener {

    private PrivateBroker broker;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("it.mqtt.port", "");
        if (!port.isBlank() && PrivateBroker.unavailable().isEmpty()) {
            broker = new PrivateBroker(Integer.parseInt(port), Path.of(System.getProperty("it.mqtt.directory",
                    "target/it-broker"))).start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (broker != null) {
            broker.close();
        }
    }
}
