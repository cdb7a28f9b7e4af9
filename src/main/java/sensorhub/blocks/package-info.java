/**
 * The block store: a sensor's readings kept as time blocks in {@code reading_blocks}, one row per sensor and UTC hour
 * (split in halves past 4,096 readings), each row a header (count, first, last, min, max, exact sum) and the
 * readings encoded by {@link sensorhub.blocks.control.BlockCodec}. {@link sensorhub.blocks.boundary.ReadingBlocks}
 * is its one door: every other feature stores, deletes and reads readings through it, and nothing else touches the
 * table.
 */
package sensorhub.blocks;
