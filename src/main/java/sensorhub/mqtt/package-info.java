/**
 * Readings over MQTT: devices and gateways publish to a broker, and the service subscribes (off unless
 * {@code sensors.mqtt.url} is set). A second door onto the one ingest path: every message is stored as a REST batch
 * is, and acknowledged to the broker only once its readings are committed, so a reading the broker took is never
 * lost when an instance or the database dies; a message refused for good is acknowledged and its problem published
 * to the error topic.
 */
package sensorhub.mqtt;
