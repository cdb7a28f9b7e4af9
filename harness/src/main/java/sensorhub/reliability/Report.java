package sensorhub.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import sensorhub.benchmark.Latencies;

/**
 * What a run found, as Markdown: the setting, one table of requests per phase and route, what was checked, and
 * the criteria that failed. A run with any failure ends the build with an error.
 */
final class Report {

    private final List<String> preamble = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void setting(String text) {
        preamble.add(text);
    }

    /** One row per route the phase used: requests, statuses ({@code 201×950 503×12}), p50/p99 of all of them. */
    void requests(String phase, List<Exchange> exchanges) {
        Map<Route, List<Exchange>> byRoute = new EnumMap<>(Route.class);
        for (Exchange exchange : exchanges) {
            byRoute.computeIfAbsent(exchange.route(), r -> new ArrayList<>()).add(exchange);
        }
        byRoute.forEach((route, list) -> {
            Latencies millis = Latencies.of(list.stream().map(Exchange::millis).toList());
            rows.add(String.join(" | ", "| " + phase, route.label(), Integer.toString(list.size()), statuses(list),
                    number(millis.percentile(50)), number(millis.percentile(99)) + " |"));
        });
    }

    static String statuses(List<Exchange> exchanges) {
        Map<String, Long> counts = exchanges.stream()
                .collect(Collectors.groupingBy(e -> String.format("%7s", e.statusLabel()), TreeMap::new,
                        Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey().trim() + "×" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Statuses per route, e.g. {@code POST /api/sensor_values (JSON) 500×2; GET /api/sensors/{id} 500×1}. */
    static String byRoute(List<Exchange> exchanges) {
        Map<Route, List<Exchange>> byRoute = new EnumMap<>(Route.class);
        exchanges.forEach(e -> byRoute.computeIfAbsent(e.route(), r -> new ArrayList<>()).add(e));
        return byRoute.entrySet().stream().map(e -> e.getKey().label() + " " + statuses(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    void line(String text) {
        lines.add(text);
    }

    void fail(String criterion) {
        failures.add(criterion);
    }

    /** Adds the failure when {@code failed}, and says so on the line either way. */
    void check(boolean failed, String text) {
        line((failed ? "**FAIL** " : "ok: ") + text);
        if (failed) {
            fail(text);
        }
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    String markdown() {
        List<String> out = new ArrayList<>(preamble);
        out.add("");
        out.add("| phase | route | requests | statuses | p50 ms | p99 ms |");
        out.add("| --- | --- | --- | --- | --- | --- |");
        out.addAll(rows);
        out.add("");
        lines.forEach(line -> out.add("- " + line));
        out.add("");
        if (failures.isEmpty()) {
            out.add("Result: **PASS**, every criterion met.");
        } else {
            out.add("Result: **FAIL**, " + failures.size() + " criteria not met:");
            failures.forEach(failure -> out.add("1. " + failure));
        }
        return String.join("\n", out) + "\n";
    }

    /** A check program's work, and what it started, to stop whether the work ended or failed. */
    interface Check {
        void run() throws Exception;

        void stop();
    }

    /**
     * Runs a check program to its end: its work, then what it started stopped, the table printed and written to
     * {@code file}, and the run failed (an exception out of {@code main}) if a criterion is not met.
     */
    void complete(String name, Path file, Check check) throws Exception {
        long begin = System.nanoTime();
        try {
            check.run();
        } catch (Exception | Error e) {
            fail("the run could not complete: " + e);
            throw e;
        } finally {
            check.stop();
            line("whole run, boots included: " + seconds(System.nanoTime() - begin));
            System.out.println();
            System.out.println(markdown());
            writeTo(file);
        }
        if (failed()) {
            throw new IllegalStateException(name + ": " + failures().size() + " criteria not met; see " + file);
        }
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
    }

    static String number(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.1f" : "%.0f", millis);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
