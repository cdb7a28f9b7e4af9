package sensorhub.benchmark;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 21's percentiles over ranges: count, min, max, mean and the percentiles 25, 50, 75 and 99 of the 1 Hz
 * sensor's last day, last 30 days and whole span (a year by default), asked of the service
 * ({@code /api/sensors/{id}/statistics}) and of PostgreSQL ({@code percentile_cont}) over the same readings, in the
 * same order and number; the two sides' answers held against each other, and their table.
 *
 * <p>Each range's first query follows an idle machine ({@link Settled}); then {@code percentileRepeats} more are
 * timed, without {@link Untimed} ones before: a year's query reads 31.5 M readings on either side, its loops are
 * compiled within the first, and twenty of them would take minutes.
 */
final class RangePercentiles {

    static final List<Double> PERCENTILES = List.of(25.0, 50.0, 75.0, 99.0);

    /** A range of the 1 Hz sensor: its last {@code days} days, {@code [from, to)}, holding {@code readings}. */
    record Span(int days, Instant from, Instant to, long readings) {
    }

    /** A range's statistics as one system answered them, the percentiles in the order of {@link #PERCENTILES}. */
    record Answer(long count, double min, double max, double mean, List<Double> percentiles) {
    }

    /** What one system's queries of one range took (the first, then the repeats) and what it answered first. */
    record Measured(Span span, double firstMillis, Latencies repeated, Answer answer, long startNanos,
            long endNanos) {
    }

    /** One system's ranges, and the heap the service used during the longest one's queries (null for a peer). */
    record Figures(List<Measured> ranges, HeapWatch.Peak longestHeap) {
    }

    /** One system's statistics of one range. */
    @FunctionalInterface
    interface Query {
        Answer of(Span span) throws Exception;
    }

    private RangePercentiles() {
    }

    /** The last day, the last 30 days and the whole span of the 1 Hz sensor, those its days hold. */
    static List<Span> spans(BenchmarkSettings settings) {
        ReadingSeries series = Workload.series(settings);
        Instant end = Workload.startOf(Workload.SERIES_START.plusDays(settings.seriesDays()));
        return IntStream.of(1, 30, settings.seriesDays()).filter(days -> days <= settings.seriesDays()).distinct()
                .mapToObj(days -> new Span(days, end.minusSeconds(86_400L * days), end,
                        days * 86_400_000_000L / series.stepMicros()))
                .toList();
    }

    static List<Measured> measure(BenchmarkSettings settings, List<Span> spans, Query query) throws Exception {
        List<Measured> measured = new ArrayList<>();
        for (Span span : spans) {
            Settled.machine();
            long start = System.nanoTime();
            Answer first = query.of(span);
            double firstMillis = (System.nanoTime() - start) / 1e6;
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < settings.percentileRepeats(); i++) {
                long sent = System.nanoTime();
                query.of(span);
                millis.add((System.nanoTime() - sent) / 1e6);
            }
            measured.add(new Measured(span, firstMillis, Latencies.of(millis), first, start, System.nanoTime()));
        }
        return measured;
    }

    /** The service's path for a range's statistics with {@link #PERCENTILES}. */
    static String path(String sensorId, Span span) {
        return "sensors/" + sensorId + "/statistics?from=" + span.from() + "&to=" + span.to() + "&percentiles="
                + PERCENTILES.stream().map(RangePercentiles::name).collect(Collectors.joining(","));
    }

    /** The service's {@code RangeStatisticsJson}, whose percentiles are named as the request named them. */
    static Answer of(JsonObject json) {
        JsonObject percentiles = json.getJsonObject("percentiles");
        return new Answer(json.getJsonNumber("count").longValue(), json.getJsonNumber("min").doubleValue(),
                json.getJsonNumber("max").doubleValue(), json.getJsonNumber("mean").doubleValue(),
                PERCENTILES.stream().map(p -> percentiles.getJsonNumber(name(p)).doubleValue()).toList());
    }

    /** PostgreSQL's fractions, {@code 0.25, 0.5, 0.75, 0.99}. */
    static String fractions() {
        return PERCENTILES.stream().map(p -> BigDecimal.valueOf(p).movePointLeft(2).stripTrailingZeros()
                .toPlainString()).collect(Collectors.joining(", "));
    }

    private static String name(double percentile) {
        return BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
    }

    /** The table of both sides' ranges; PostgreSQL's cells say "not measured" where {@code postgres} is null. */
    static List<String> markdown(BenchmarkSettings settings, Figures service, Figures postgres) {
        List<String> lines = new ArrayList<>();
        lines.add("### Percentiles " + PERCENTILES.stream().map(RangePercentiles::name).collect(Collectors.joining(
                ", ")) + " over ranges of the 1 Hz sensor, beside PostgreSQL's percentile_cont, same run");
        lines.add("");
        lines.add("| range | service: first / repeated p50 | PostgreSQL: first / repeated p50 "
                + "| service/PostgreSQL: first / p50 | answers |");
        lines.add("| --- | --- | --- | --- | --- |");
        for (int i = 0; i < service.ranges().size(); i++) {
            Measured ours = service.ranges().get(i);
            Measured theirs = postgres == null ? null : postgres.ranges().get(i);
            lines.add("| " + String.join(" | ", String.format(Locale.ROOT, "last %s, %,d readings",
                            days(ours.span()), ours.span().readings()), times(ours),
                    theirs == null ? "not measured" : times(theirs),
                    theirs == null ? "" : ratio(ours.firstMillis(), theirs.firstMillis()) + " / "
                            + ratio(ours.repeated().median(), theirs.repeated().median()),
                    theirs == null ? "" : compared(ours.answer(), theirs.answer())) + " |");
        }
        lines.add("");
        HeapWatch.Peak heap = service.longestHeap();
        Measured longest = service.ranges().get(service.ranges().size() - 1);
        lines.add(String.format(Locale.ROOT, "Service heap during the last %s' queries (the first and %d "
                        + "repeats, %.1f s; jstat each second): peak %,d MiB used, %,d MiB committed, %s; GC %.1f s. "
                        + "Target (issue 21): a year's percentiles in no more than PostgreSQL's percentile_cont time, "
                        + "with heap ≤ 512 MB.", days(longest.span()), settings.percentileRepeats(),
                (longest.endNanos() - longest.startNanos()) / 1e9, heap.usedKib() / 1024,
                heap.committedKib() / 1024, settings.serverJvmOptions(), heap.gcSeconds()));
        return lines;
    }

    private static String days(Span span) {
        return span.days() == 1 ? "day" : span.days() + " days";
    }

    private static String times(Measured measured) {
        return Latencies.millis(measured.firstMillis()) + " / " + Latencies.millis(measured.repeated().median());
    }

    /**
     * Whether both counted the same readings, and how far apart their min, max and percentiles lie (both are
     * numpy's linear interpolation, computed in other orders: a last-bit difference is expected), and the means
     * (the service's is exact, PostgreSQL's avg a floating-point sum).
     */
    private static String compared(Answer ours, Answer theirs) {
        if (ours.count() != theirs.count()) {
            return String.format(Locale.ROOT, "**check failed**: counts %,d and %,d", ours.count(), theirs.count());
        }
        double largest = 0;
        double largestUlps = 0;
        List<Double> a = new ArrayList<>(List.of(ours.min(), ours.max()));
        a.addAll(ours.percentiles());
        List<Double> b = new ArrayList<>(List.of(theirs.min(), theirs.max()));
        b.addAll(theirs.percentiles());
        for (int i = 0; i < a.size(); i++) {
            double difference = Math.abs(a.get(i) - b.get(i));
            largest = Math.max(largest, difference);
            largestUlps = Math.max(largestUlps, difference / Math.ulp(Math.max(Math.abs(a.get(i)),
                    Math.abs(b.get(i)))));
        }
        return String.format(Locale.ROOT, "%s counts; min, max and percentiles differ by at most %.2g (%.0f ulp); "
                        + "means by %.2g", largestUlps <= 2 ? "same" : "**check failed**: same", largest,
                largestUlps, Math.abs(ours.mean() - theirs.mean()));
    }

    private static String ratio(double service, double peer) {
        return String.format(Locale.ROOT, "**%.2f**", service / peer);
    }
}
