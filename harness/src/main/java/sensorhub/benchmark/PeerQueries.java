package sensorhub.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics queries asked of each peer in the order and number the service is asked them: the warm-up days,
 * then the measured day once (first) and {@code dayRepeats} times, then a year of daily statistics
 * {@code rangeRepeats} times; repeated series follow {@link Untimed} ones, as the service's do.
 * The first query waits until the machine has {@link Settled}, as the service's first does. Times run from sending
 * the query to having read the whole answer.
 */
final class PeerQueries {

    /** A peer's statistics of one UTC day of the day sensor. */
    @FunctionalInterface
    interface Day {
        DayStatistics of(LocalDate day) throws Exception;
    }

    /** A peer's daily statistics of the year sensor's range; answers how many days it returned. */
    @FunctionalInterface
    interface Year {
        int days() throws Exception;
    }

    /** What one peer's queries took, and the measured day's statistics and the range's day count it answered. */
    record Figures(double dayFirstMillis, Latencies dayRepeated, Latencies yearRepeated, DayStatistics day,
            int yearDays) {
    }

    private PeerQueries() {
    }

    static Figures measure(BenchmarkSettings settings, Day day, Year year) throws Exception {
        LocalDate measured = Workload.measuredDay(settings);
        Settled.machine();
        for (LocalDate d = Workload.AGGREGATION_DAY; d.isBefore(measured); d = d.plusDays(1)) {
            day.of(d);
        }
        long start = System.nanoTime();
        DayStatistics first = day.of(measured);
        double firstMillis = (System.nanoTime() - start) / 1e6;
        Latencies dayRepeated = repeated(settings.dayRepeats(), () -> day.of(measured));
        int yearDays = year.days();
        Latencies yearRepeated = repeated(settings.rangeRepeats(), year::days);
        return new Figures(firstMillis, dayRepeated, yearRepeated, first, yearDays);
    }

    /** One query whose answer is read whole; what it returns is not looked at while it is timed. */
    @FunctionalInterface
    interface Query {
        Object ask() throws Exception;
    }

    private static Latencies repeated(int times, Query query) throws Exception {
        return inTurns(times, List.of(query)).get(0);
    }

    /**
     * Each query {@code times} times after {@link Untimed} ones, the queries taking turns so that the machine's
     * noise falls on all of them alike; their times in the order given.
     */
    static List<Latencies> inTurns(int times, List<Query> queries) throws Exception {
        Untimed.repeat(() -> {
            for (Query query : queries) {
                query.ask();
            }
        });
        List<List<Double>> millis = new ArrayList<>();
        queries.forEach(query -> millis.add(new ArrayList<>()));
        for (int i = 0; i < times; i++) {
            for (int q = 0; q < queries.size(); q++) {
                long start = System.nanoTime();
                queries.get(q).ask();
                millis.get(q).add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis.stream().map(Latencies::of).toList();
    }
}
