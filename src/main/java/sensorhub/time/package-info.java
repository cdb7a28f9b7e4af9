/**
 * How the service represents time: instants kept as microseconds since the epoch (exact on every database,
 * whatever the JVM's or the database's zone), written as ISO-8601 with an offset, read with or without one; days
 * and series buckets in any zone, following its clocks; and the one clock every bean takes the time from.
 */
package sensorhub.time;
