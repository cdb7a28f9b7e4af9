/**
 * Exact arithmetic on readings, with no container in sight: sums of doubles without rounding or overflow
 * ({@link sensorhub.numbers.control.ExactSum}), and extremes, numpy's quartiles and the exact mean of a series
 * ({@link sensorhub.numbers.control.Summary}), bit for bit what numpy answers.
 */
package sensorhub.numbers;
