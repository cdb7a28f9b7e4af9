package sensorhub.metrics.boundary;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import sensorhub.database.control.ConflictKind;
import sensorhub.meters.control.Meters;
import sensorhub.problems.control.RejectedException;

/**
 * The deployment's one Prometheus registry, made when the application starts and closed when it stops: then it
 * leaves {@link Meters}' composite, and the JVM's GC notifications no longer reach it, so a redeployment leaks
 * neither meters nor listeners. Of the JVM's meters only memory, GC, threads and uptime: cheap, and what an
 * operator looks at first.
 */
@ApplicationScoped
public class MeterRegistries {

    private PrometheusMeterRegistry prometheus;
    private JvmGcMetrics gc;

    @PostConstruct
    void start() {
        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(prometheus);
        new JvmThreadMetrics().bindTo(prometheus);
        new UptimeMetrics().bindTo(prometheus);
        gc = new JvmGcMetrics();
        gc.bindTo(prometheus);
        Meters.add(prometheus, ConflictKind.values(), RejectedException.Reason.values());
    }

    /** Makes the container create the registry while the application starts, before the first request. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being notified is all it takes
    }

    /** The registry, for {@code @Inject PrometheusMeterRegistry}: the same one for the application's lifetime. */
    @Produces
    PrometheusMeterRegistry prometheus() {
        return prometheus;
    }

    @PreDestroy
    void stop() {
        Meters.remove(prometheus);
        gc.close();
        prometheus.close();
    }
}
