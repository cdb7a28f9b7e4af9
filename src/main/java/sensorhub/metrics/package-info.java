/**
 * What operators watch: the service's meters ({@link sensorhub.meters}) and a few of the JVM's, served in
 * Prometheus' text format at {@code /api/metrics} to admin keys, and every API request timed by route and status.
 * One registry per deployment, made and closed with the application.
 */
package sensorhub.metrics;
