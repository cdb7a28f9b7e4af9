/**
 * Readings: time-stamped values of a sensor, taken in as atomic batches (JSON or CSV) at close to the
 * database's own insert speed, and read back by day (in any time zone) or by time range, paged by key.
 */
package sensorhub.readings;
