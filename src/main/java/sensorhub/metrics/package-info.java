/**
 * What operators watch: the service's own meters (requests by route and status, readings ingested, statistics
 * kept or computed, key checks, connection waits, retried conflicts, admission refusals) and a few of the JVM's,
 * served in Prometheus' text format at {@code /api/metrics} to admin keys. One registry per deployment, made and
 * closed with the application; code outside CDI reaches it through {@code control.Meters}.
 */
package sensorhub.metrics;
