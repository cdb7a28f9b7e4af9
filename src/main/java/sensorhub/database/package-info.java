/**
 * The database underneath: its schema, brought up to date by versioned migrations when the application is
 * deployed, and the readiness check that tells a load balancer whether the database answers.
 */
package sensorhub.database;
