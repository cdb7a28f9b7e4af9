package sensorhub.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data, the same for the service and each peer: the ingest's sensors (one reading a second each, for
 * {@code ingestRounds} rounds of {@code readingsPerSensor} seconds),
 * a warm-up sensor written before the clock starts, a sensor with full days for the day statistics, one with a
 * year of readings for the daily statistics, and the ingest's sensors again without noise for the bytes stored;
 * and, apart, the long 1 Hz sensor ({@link #series}).
 */
record Workload(List<ReadingSeries> ingest, ReadingSeries warmup, ReadingSeries day, ReadingSeries year,
        List<ReadingSeries> regular) {

    static final Instant INGEST_START = Instant.parse("2026-01-01T00:00:00Z");
    /** The day sensor's first day; the warm-up days and then the measured day follow it. */
    static final LocalDate AGGREGATION_DAY = LocalDate.parse("2026-03-01");
    static final LocalDate RANGE_START = LocalDate.parse("2025-01-01");
    static final LocalDate SERIES_START = LocalDate.parse("2024-01-01");
    static final long SECOND_MICROS = 1_000_000;

    /** Ingest, warm-up and regular sensors named after {@code prefix}; the day and year sensors are fixed. */
    static Workload of(BenchmarkSettings settings, String prefix) {
        return new Workload(ingest(settings, prefix, settings.readingsPerSensor() * settings.ingestRounds()),
                warmup(settings, prefix + "warmup"), day(settings), year(settings),
                ingest(settings, prefix + "regular-", settings.readingsPerSensor()).stream()
                        .map(ReadingSeries::regular).toList());
    }

    /** {@code sensors} sensors, {@code count} readings each, one a second from the same instant. */
    static List<ReadingSeries> ingest(BenchmarkSettings settings, String prefix, int count) {
        return IntStream.range(0, settings.sensors())
                .mapToObj(i -> ReadingSeries.of(prefix + String.format("%02d", i), INGEST_START, SECOND_MICROS,
                        count, i))
                .toList();
    }

    static ReadingSeries warmup(BenchmarkSettings settings, String sensorId) {
        return ReadingSeries.of(sensorId, INGEST_START, SECOND_MICROS, settings.warmupReadings(), 1000);
    }

    static ReadingSeries day(BenchmarkSettings settings) {
        return ReadingSeries.of("bench-day", startOf(AGGREGATION_DAY), settings.dayStepMicros(),
                (settings.aggregationWarmupDays() + 1) * settings.dayReadings(), 2000);
    }

    static ReadingSeries year(BenchmarkSettings settings) {
        return ReadingSeries.of("bench-year", startOf(RANGE_START), settings.rangeStepMicros(),
                settings.rangeDays() * settings.rangeReadingsPerDay(), 3000);
    }

    /**
     * The 1 Hz sensor: {@code seriesDays} days of a reading a second, for issue 10's series and issue 21's
     * percentiles over ranges and retention sweep. The service and PostgreSQL hold it; too long to render at once.
     */
    static ReadingSeries series(BenchmarkSettings settings) {
        return ReadingSeries.of("bench-series", startOf(SERIES_START), SECOND_MICROS, settings.seriesDays() * 86_400,
                5000);
    }

    /** The day whose statistics are measured, after the warm-up days. */
    static LocalDate measuredDay(BenchmarkSettings settings) {
        return AGGREGATION_DAY.plusDays(settings.aggregationWarmupDays());
    }

    static LocalDate lastRangeDay(BenchmarkSettings settings) {
        return RANGE_START.plusDays(settings.rangeDays() - 1);
    }

    long ingestReadings() {
        return ingest.stream().mapToLong(ReadingSeries::count).sum();
    }

    long regularReadings() {
        return regular.stream().mapToLong(ReadingSeries::count).sum();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static long micros(LocalDate day) {
        return startOf(day).getEpochSecond() * SECOND_MICROS;
    }
}
