package sensorhub.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.meters.control.Meters.AdmissionRefusal;
import sensorhub.meters.control.Meters;
import sensorhub.problems.boundary.Problem;
import sensorhub.problems.boundary.ProblemServlet;

/**
 * Lets at most {@code sensors.admission.max-active} API requests work at once, each holding at most two pooled
 * connections (the key check's, then its transaction's), so the pool of twice as many never runs dry: the
 * others wait their turn here, first come first served, instead of timing out on the pool with a 503. A
 * request that would wait longer than {@code sensors.admission.max-wait-ms}, or find more than
 * {@code sensors.admission.max-waiting} ahead of it, is answered 503 with {@code Retry-After} at once.
 * README "Capacity" derives the numbers. Each refusal is counted by its reason, and as a request of route
 * {@code unmatched} with status 503 (JAX-RS, which names routes, never sees it).
 */
@WebFilter(urlPatterns = {"/api/*", "/write", "/query"}, asyncSupported = true)
public class Admission extends HttpFilter {

    private static final String RETRY_AFTER_SECONDS = "1";

    @Inject
    @ConfigProperty(name = "sensors.admission.max-active")
    int maxActive;

    @Inject
    @ConfigProperty(name = "sensors.admission.max-waiting")
    int maxWaiting;

    @Inject
    @ConfigProperty(name = "sensors.admission.max-wait-ms")
    long maxWaitMillis;

    private Semaphore active;
    private final AtomicInteger waiting = new AtomicInteger();

    @Override
    public void init() {
        active = new Semaphore(maxActive, true);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        Optional<AdmissionRefusal> refused = refusal();
        if (refused.isPresent()) {
            Meters.admissionRefused(refused.get());
            Meters.request(request.getMethod(), Meters.UNMATCHED, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    System.nanoTime() - start);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            ProblemServlet.write(response, Problem.unavailable("Service busy",
                    "The service has more requests than it can answer in time; retry shortly."));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            active.release();
        }
    }

    /** Requests waiting for a turn now. */
    int waitingNow() {
        return waiting.get();
    }

    /**
     * Waiting in turn: the fair semaphore's timed acquire queues behind earlier requests, even for 0 ms. Empty
     * once admitted, else why not.
     */
    private Optional<AdmissionRefusal> refusal() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return Optional.of(AdmissionRefusal.QUEUE_FULL);
        }
        try {
            return active.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS) ? Optional.empty()
                    : Optional.of(AdmissionRefusal.WAIT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(AdmissionRefusal.WAIT_TIMEOUT);
        } finally {
            waiting.decrementAndGet();
        }
    }
}
