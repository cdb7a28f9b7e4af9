package sensorhub.blocks.control;

import sensorhub.blocks.entity.BlockHeader;

/**
 * What a pass over a sensor's range of blocks ({@link BlockScan}) hands its readings to: each block that lies
 * wholly in the range is offered by its header first, and decoded only where the header does not suffice.
 */
public interface BlockVisitor {

    /** Whether this block, wholly in the range, may be taken by its header alone. */
    boolean byHeader(BlockHeader block);

    /** A block taken by its header ({@link #byHeader} said so). */
    void header(BlockHeader block);

    /** Readings of the range from a decoded block, in time order: indices {@code [from, to)} of the arrays. */
    void readings(long[] micros, double[] values, int from, int to);
}
