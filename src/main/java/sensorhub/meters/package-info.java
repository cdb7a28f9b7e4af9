/**
 * The service's own meters, each named once ({@link sensorhub.meters.control.Meters}): requests, readings ingested,
 * batches refused, statistics kept or computed, key checks, connection waits, retried conflicts, admission
 * refusals. Every feature records into them; {@link sensorhub.metrics} publishes them.
 */
package sensorhub.meters;
