/**
 * Error answers: every failure reaches the client as an RFC 9457 {@code application/problem+json} document,
 * never as a server's HTML page, a stack trace or SQL text.
 */
package sensorhub.problems;
