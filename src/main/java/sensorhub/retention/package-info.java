/**
 * Retention: a sensor's readings older than its retention are removed in the background, by one instance at a
 * time, a few hours of blocks a transaction, after what they summarise was kept for good: the daily statistics of
 * their days (in UTC and the configured zones) and hourly rollups, which answer daily aggregations and series of
 * an hour or coarser as before. Reads that would need the removed readings are 410; readings older than the
 * retention are refused at every door.
 */
package sensorhub.retention;
