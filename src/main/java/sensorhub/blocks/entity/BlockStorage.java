package sensorhub.blocks.entity;

/**
 * How much of a sensor's readings the block store holds: how many, the bytes of their encoded blocks (neither the
 * rows' other columns nor indexes), and the instants of the oldest and newest (epoch microseconds; null for none).
 */
public record BlockStorage(long readings, long bytes, Long oldestMicros, Long newestMicros) {
}
