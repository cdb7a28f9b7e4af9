package sensorhub.benchmark;

import java.time.Duration;

/**
 * The untimed requests before repeated ones are timed, the same for the service and every peer: at least
 * {@link #REQUESTS}, and more until {@link #LEAST} has passed. A server answers repeated requests warm, and
 * HotSpot compiles a method with C2 only after some thousands of calls, while a request calls most of its methods
 * once: a repeated day's statistics took the server 6 ms (p50) after 20 untimed requests, 2 ms after 1,000 and
 * 1 ms after 6,000 (curl beside Payara's access log); in the benchmark, 5 s of untimed requests (about 1,500) left
 * a tail of one request in eight above 5 ms, which was gone after 2,500.
 */
final class Untimed {

    static final int REQUESTS = 20;
    static final Duration LEAST = Duration.ofSeconds(15);

    /** One untimed request, or a few that go together. */
    @FunctionalInterface
    interface Request {
        void send() throws Exception;
    }

    private Untimed() {
    }

    static void repeat(Request request) throws Exception {
        long end = System.nanoTime() + LEAST.toNanos();
        for (int sent = 0; sent < REQUESTS || System.nanoTime() < end; sent++) {
            request.send();
        }
    }

    /** For the tables' notes. */
    static String described() {
        return "at least " + REQUESTS + " untimed ones of the same URL, and as many more as " + LEAST.toSeconds()
                + " s take";
    }
}
