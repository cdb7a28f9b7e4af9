/**
 * Daily statistics of a sensor's readings (count, min, numpy-exact quartiles, max, mean), computed once per
 * sensor, zone and day, kept, and forgotten by any write into that day, so no answer is ever out of date.
 */
package sensorhub.aggregations;
