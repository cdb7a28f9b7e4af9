package sensorhub.benchmark;

import java.time.Duration;
import java.util.Locale;

/**
 * Waits before latencies are measured until the machine has settled after the writes before them: the database
 * flushing pages and purging, the server's JIT compiler working off its queue. On two cores any of these doubles a
 * request's tail, and it would then measure what ran just before, not the query. The service and every peer wait
 * alike.
 */
final class Settled {

    /** Busy cores, over one second, under which the machine counts as idle. */
    static final double IDLE_CORES = 0.15;
    static final Duration LONGEST = Duration.ofSeconds(60);

    private Settled() {
    }

    /** How long it waited: until a second with fewer than {@link #IDLE_CORES} busy, or {@link #LONGEST}. */
    static Duration machine() throws InterruptedException {
        long start = System.nanoTime();
        double busy = CpuUse.machineBusySeconds();
        while (System.nanoTime() - start < LONGEST.toNanos()) {
            Thread.sleep(1000);
            double now = CpuUse.machineBusySeconds();
            if (now - busy < IDLE_CORES) {
                break;
            }
            busy = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** For the tables' notes. */
    static String described() {
        return String.format(Locale.ROOT, "once the machine was idle (under %.2f cores busy over a second, waited "
                + "for at most %d s)", IDLE_CORES, LONGEST.toSeconds());
    }
}
