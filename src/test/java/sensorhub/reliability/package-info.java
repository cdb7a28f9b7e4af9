/**
 * The load and outage reliability suite: the packaged WAR on Payara Micro against a private MariaDB server that the
 * suite installs, starts, kills and restarts itself; 100 clients on every route of the API, then an outage of the
 * database under ingest. Every acknowledged reading is checked in the database afterwards. A plain program
 * ({@link sensorhub.reliability.ReliabilitySuite}), run by {@code ./mvnw -Preliability verify}, never by the tests;
 * it fails the build when a criterion fails.
 */
package sensorhub.reliability;
