/**
 * Reading untrusted JSON strictly: one UTF-8 document of bounded size and depth, no duplicate keys, no lone
 * surrogates, and each value of the type its record component declares (no {@code "123"} for a number, no
 * {@code 1} for a string). JSON-P and JSON-B are lenient on all of these, and Parsson's skipping of nested
 * values loops forever at the end of truncated input (eclipse-ee4j/parsson#23), so nothing here skips. Batches
 * of readings, where Parsson's cost per token shows, are read by Jackson's streaming parser
 * ({@code sensorhub.readings.control.JacksonReadings}), and any it refuses by Parsson again, so that a malformed
 * batch is answered as every other body is.
 */
package sensorhub.json;
