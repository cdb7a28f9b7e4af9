/**
 * InfluxQL as InfluxDB 1.x reads and answers it: a grammar of its own (ANTLR, src/main/antlr4), the statements it
 * means, InfluxDB's functions, windows and fills, and its JSON and CSV answers, value for value. Knows nothing of
 * where readings are kept: they come through {@code Selection.PointSource}.
 */
package sensorhub.influxql;
