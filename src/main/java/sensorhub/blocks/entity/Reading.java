package sensorhub.blocks.entity;

/** One stored reading: when (epoch microseconds) and what. */
public record Reading(long creationMicros, double value) {
}
