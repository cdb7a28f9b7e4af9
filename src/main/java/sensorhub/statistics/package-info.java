/**
 * Statistics over any range of a sensor's readings: count, extremes, the exact mean and numpy's percentiles, bit
 * for bit, over an hour or ten years ({@code /api/sensors/{id}/statistics}), computed from the stored blocks in a
 * few passes without holding the range's values at once.
 */
package sensorhub.statistics;
