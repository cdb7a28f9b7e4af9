/**
 * The readings benchmark of issue 3: REST ingest and daily aggregations on Payara Micro and MariaDB, each
 * beside what plain JDBC does on the same database in the same run, printed as one table. A plain program
 * ({@link sensorhub.benchmark.ReadingsBenchmark}), run by {@code ./mvnw -Pbenchmark verify}, never by the tests.
 */
package sensorhub.benchmark;
