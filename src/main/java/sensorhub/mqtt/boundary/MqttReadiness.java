package sensorhub.mqtt.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Names the broker connection's state ({@code off}, {@code connected}, {@code connecting}, ...) on {@code /health}.
 * Always up: without the broker an instance still serves REST, and the broker keeps the messages until it is back.
 */
@Readiness
@ApplicationScoped
public class MqttReadiness implements HealthCheck {

    @Inject
    MqttSubscriber subscriber;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt").up().withData("broker", subscriber.state()
                .map(state -> state.name().toLowerCase(Locale.ROOT)).orElse("off")).build();
    }
}
