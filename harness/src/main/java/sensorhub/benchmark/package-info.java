/**
 * The readings benchmark of issue 3: REST ingest and daily aggregations on Payara Micro and MariaDB, each
 * beside what plain JDBC does on the same database in the same run; and issue 11's peers, InfluxDB 1.6 and
 * PostgreSQL 15, doing the same work with the same data in the same run, in a second table. A plain program
 * ({@link sensorhub.benchmark.ReadingsBenchmark}), run by
 * {@code ./mvnw -f harness/pom.xml -Pbenchmark verify}, never by the tests.
 */
package sensorhub.benchmark;
