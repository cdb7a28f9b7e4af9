package sensorhub.reliability;

/**
 * One request and what came of it: its status, or {@link #TIMED_OUT} when no answer came within the client's
 * limit, or {@link #BROKEN} when the connection failed; when it was sent and answered ({@link System#nanoTime()});
 * and, for a 503, whether it was a proper problem+json with {@code Retry-After}.
 */
record Exchange(Route route, int status, long sentNanos, long answeredNanos, boolean proper503) {

    static final int TIMED_OUT = -1;
    static final int BROKEN = -2;

    double millis() {
        return (answeredNanos - sentNanos) / 1e6;
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    boolean serverError() {
        return status >= 500;
    }

    /** Anything but the answer a well-formed request expects. */
    boolean failed() {
        return status != route.expected();
    }

    String statusLabel() {
        return switch (status) {
            case TIMED_OUT -> "timeout";
            case BROKEN -> "broken";
            default -> Integer.toString(status);
        };
    }
}
