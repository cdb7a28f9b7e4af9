package sensorhub.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    /** What a filter did to a response: its status, headers and body. */
    static final class Answer {
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
        volatile int status = 200;

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "getWriter" -> new PrintWriter(body, true);
                        default -> null;
                    });
        }
    }

    private static final HttpServletRequest REQUEST = (HttpServletRequest) Proxy.newProxyInstance(
            AdmissionTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
            (p, m, a) -> switch (m.getName()) {
                case "getMethod" -> "GET";
                case "getRequestURI" -> "/api/sensors";
                case "getContextPath" -> "";
                default -> null;
            });

    private static Admission admission(int active, int waiting, long waitMillis) {
        Admission admission = new Admission();
        admission.maxActive = active;
        admission.maxWaiting = waiting;
        admission.maxWaitMillis = waitMillis;
        admission.init();
        return admission;
    }

    @Test
    void letsRequestsWaitTheirTurnAndTurnsAwayWhatNoQueueHolds() throws Exception {
        // a wait of ten minutes: a third request refused before its end was refused without waiting for a turn
        Admission admission = admission(1, 1, 600_000);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            working.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Answer first = new Answer();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> filter(admission, slow, first));
        assertTrue(working.await(5, TimeUnit.SECONDS));
        Answer second = new Answer();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> filter(admission, (q, r) -> { }, second));
        while (admissionWaiting(admission) == 0) {
            Thread.onSpinWait();
        }

        Answer third = new Answer();
        CompletableFuture.runAsync(() -> filter(admission, (q, r) -> { }, third)).get(2, TimeUnit.MINUTES);
        assertEquals(503, third.status);
        assertEquals("1", third.headers.get("Retry-After"));
        assertTrue(third.body.toString().contains("service-busy"), third.body.toString());

        release.countDown();
        running.get(5, TimeUnit.SECONDS);
        waiting.get(5, TimeUnit.SECONDS);
        assertEquals(200, first.status);
        assertEquals(200, second.status, "the waiting request had its turn");
    }

    @Test
    void answersBusyWhenTheWaitRunsOut() throws Exception {
        Admission admission = admission(1, 10, 50);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> filter(admission, (q, r) -> {
            working.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new Answer()));
        assertTrue(working.await(5, TimeUnit.SECONDS));

        Answer late = new Answer();
        filter(admission, (q, r) -> { }, late);
        release.countDown();
        running.get(5, TimeUnit.SECONDS);

        assertEquals(503, late.status);
        Answer next = new Answer();
        filter(admission, (q, r) -> { }, next);
        assertEquals(200, next.status, "a permit is given back after every request");
    }

    private static int admissionWaiting(Admission admission) {
        return admission.waitingNow();
    }

    private static void filter(Admission admission, FilterChain chain, Answer answer) {
        try {
            admission.doFilter(REQUEST, answer.response(), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
