/**
 * How the service represents time: instants kept as microseconds since the epoch (exact on every database,
 * whatever the JVM's or the database's zone), written as ISO-8601 with an offset, read with or without one.
 */
package sensorhub.time;
