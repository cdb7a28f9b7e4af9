package sensorhub.benchmark;

import java.util.List;

/**
 * Sizes and places of a benchmark run. The defaults are the numbers; each can be overridden by a system
 * property of the same name with the prefix {@code benchmark.}, e.g. {@code -Dbenchmark.readingsPerSensor=2000}
 * for a quick trial run.
 */
record BenchmarkSettings(
        int sensors,
        int readingsPerSensor,
        int ingestRounds,
        int batchSize,
        int clients,
        int warmupReadings,
        int dayReadings,
        int aggregationWarmupDays,
        int dayRepeats,
        int rangeDays,
        int rangeReadingsPerDay,
        int rangeRepeats,
        int seriesDays,
        int percentileRepeats,
        int sweepReadings,
        String sweepEvery,
        int sweepRoundsAtMost,
        int jdbcFetchRuns,
        int port,
        String mariadbHost,
        int mariadbPort,
        String rootUser,
        String rootPassword,
        String database,
        String serverJvmOptions,
        String postBootCommands,
        String peers,
        int influxPort,
        int influxRpcPort,
        int victoriaPort,
        String postgresHost,
        int postgresPort,
        String postgresUser,
        String postgresDatabase,
        int questHttpPort,
        int questPgPort,
        String questJar,
        int questPrecision) {

    private static final long DAY_MICROS = 86_400_000_000L;

    static BenchmarkSettings fromSystemProperties() {
        BenchmarkSettings settings = new BenchmarkSettings(
                number("sensors", 10),
                number("readingsPerSensor", 100_000),
                // Timed ingests of readingsPerSensor readings a sensor, one after the other, each path and peer alike;
                // the median round is reported. One round lasts about a second, and two runs of one round each gave
                // the service 1.23x and then 0.79x InfluxDB's rate with the same code.
                number("ingestRounds", 5),
                number("batchSize", 10_000),
                number("clients", 4),
                // Readings sent (by each path) before the clock starts, so that the server is not timed while its
                // code is still being compiled: 600 batches of 10,000. The JIT compiler's share of the server's CPU
                // in the timed rounds (side by side in one hour): 0.5 to 0.6 s per million readings after 2,000,000
                // warm-up readings, 0.4 to 0.5 after 6,000,000; with 500,000, the timed rounds cost 0.3 s more.
                number("warmupReadings", 6_000_000),
                number("dayReadings", 86_400),
                // Days of the same size aggregated before the measured one: the first of them meets a cold JIT.
                number("aggregationWarmupDays", 5),
                number("dayRepeats", 200),
                number("rangeDays", 365),
                number("rangeReadingsPerDay", 48),
                number("rangeRepeats", 50),
                // Days of the 1 Hz sensor whose series are asked for (issue 10: a year).
                number("seriesDays", 365),
                // Timed statistics with percentiles over each of the 1 Hz sensor's ranges (a day, a month, all of
                // it), after the first: a year's query reads 31.5 M readings on either side, so few.
                number("percentileRepeats", 5),
                // Readings of the 1 Hz sensor that its retention then has swept while ingest runs (issue 21: ~10 M).
                number("sweepReadings", 10_000_000),
                // How often the server's retention sweep looks for work (sensors.retention.sweep-every): soon after
                // the retention is set, so that the sweep's start does not wait for the production default.
                text("sweepEvery", "PT1S"),
                // The most ingest rounds sent while the sweep runs; as many are sent without it after.
                number("sweepRoundsAtMost", 100),
                number("jdbcFetchRuns", 5),
                number("port", 28080),
                text("mariadbHost", "127.0.0.1"),
                number("mariadbPort", 3306),
                text("rootUser", "root"),
                text("rootPassword", ""),
                text("database", "sensorhub_bench"),
                text("serverJvmOptions", "-Xmx512m"),
                // Another asadmin file than server-config/payara/mysql.asadmin, to try pool settings.
                text("postBootCommands", ""),
                // The peers measured beside the service, any of "influxdb,postgresql,victoriametrics,questdb"; "" for
                // none.
                text("peers", "influxdb,postgresql,victoriametrics,questdb"),
                number("influxPort", 18086),
                number("influxRpcPort", 18088),
                number("victoriaPort", 18428),
                text("postgresHost", "127.0.0.1"),
                number("postgresPort", 5432),
                text("postgresUser", "postgres"),
                text("postgresDatabase", "sensorhub_bench"),
                number("questHttpPort", 29000),
                number("questPgPort", 28812),
                // QuestDB's jar, which the pom's benchmark profile fetches from Maven Central and names here.
                text("questJar", ""),
                // Significant digits of QuestDB's approx_percentile (0 to 5): on a day of 86,400 readings it took
                // 4.7 ms at 3 and 54 ms at 5 for one quartile, on a year of daily quartiles 0.16 s and 2.7 s.
                number("questPrecision", 3));
        settings.check();
        return settings;
    }

    /** The database and its user are dropped and made anew: refuse names that could be someone else's. */
    private void check() {
        if (!database.matches("[a-z0-9_]*bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("benchmark.database must contain 'bench': " + database);
        }
        if (!postgresDatabase.matches("[a-z0-9_]*bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("benchmark.postgresDatabase must contain 'bench': " + postgresDatabase);
        }
        if (ingestRounds < 1) {
            throw new IllegalArgumentException("benchmark.ingestRounds must be at least 1");
        }
        if (questPrecision < 0 || questPrecision > 5) {
            throw new IllegalArgumentException("benchmark.questPrecision must be 0 to 5, QuestDB's range");
        }
        if (percentileRepeats < 1 || sweepRoundsAtMost < 1) {
            throw new IllegalArgumentException("benchmark.percentileRepeats and sweepRoundsAtMost must be at least 1");
        }
        if (aggregationWarmupDays < 1) {
            throw new IllegalArgumentException("benchmark.aggregationWarmupDays must be at least 1");
        }
        if (DAY_MICROS % dayReadings != 0 || DAY_MICROS % rangeReadingsPerDay != 0) {
            throw new IllegalArgumentException("a day's readings must divide a day into whole microseconds");
        }
    }

    long dayStepMicros() {
        return DAY_MICROS / dayReadings;
    }

    long rangeStepMicros() {
        return DAY_MICROS / rangeReadingsPerDay;
    }

    String jdbcUrl(String options) {
        return "jdbc:mysql://" + mariadbHost + ":" + mariadbPort + "/" + database + options;
    }

    boolean measures(String peer) {
        return List.of(peers.split("\\s*,\\s*")).contains(peer);
    }

    private static int number(String name, int fallback) {
        return Integer.getInteger("benchmark." + name, fallback);
    }

    private static String text(String name, String fallback) {
        return System.getProperty("benchmark." + name, fallback);
    }
}
