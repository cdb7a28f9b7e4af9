/**
 * The reliability suites, plain programs of the harness project ({@code ./mvnw -f harness/pom.xml -P<suite> verify}),
 * never run by the tests; each fails the build when a criterion fails. {@link sensorhub.reliability.ReliabilitySuite}
 * ({@code -Preliability}): the packaged WAR on Payara Micro against a private MariaDB server that the suite
 * installs, starts, kills and restarts itself; 100 clients on every route of the API, then an outage of the
 * database under ingest. {@link sensorhub.reliability.ClusterSuite} ({@code -Pcluster},
 * {@code server-config/cluster/verify-cluster.sh}): three instances on a three-node Galera cluster behind HAProxy,
 * an instance and the writer node killed under ingest, then the retention sweep's lease holder mid-sweep.
 * {@link sensorhub.reliability.EmbeddedCrashSuite} ({@code -Pcrash}): the README's embedded run on its H2 file,
 * killed with SIGKILL under ingest and restarted. Every acknowledged reading is checked in the database
 * afterwards.
 */
package sensorhub.reliability;
