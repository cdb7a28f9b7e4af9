/**
 * The reliability suites, plain programs run by {@code ./mvnw -Preliability verify}, never by the tests; each fails
 * the build when a criterion fails. {@link sensorhub.reliability.ReliabilitySuite}: the packaged WAR on Payara
 * Micro against a private MariaDB server that the suite installs, starts, kills and restarts itself; 100 clients
 * on every route of the API, then an outage of the database under ingest. {@link sensorhub.reliability.ClusterSuite}
 * ({@code -Dreliability.suite=sensorhub.reliability.ClusterSuite}, {@code server-config/cluster/verify-cluster.sh}):
 * three instances on a three-node Galera cluster behind HAProxy, an instance and the writer node killed under
 * ingest. Every acknowledged reading is checked in the database afterwards.
 */
package sensorhub.reliability;
