package sensorhub.blocks.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The span of time a block of readings covers, {@code [start, end)} in epoch microseconds: a UTC hour, or a
 * half of a cell whose readings outgrew {@link #MAX_READINGS}. Cells therefore form one binary tree per hour,
 * and any two are nested or disjoint. A reading with no block yet gets the largest cell of its hour that
 * overlaps no block ({@link #placeFor}); two writers that place readings of one gap at once hence arrive at
 * the same cell, whose key they then contend for, or at disjoint ones.
 */
public record BlockCell(long start, long end) {

    public static final long HOUR_MICROS = 3_600_000_000L;
    /** At most this many readings per block: a 1 Hz hour (3600) fits one, encoded in a few KiB, in the row. */
    public static final int MAX_READINGS = 4096;

    public static long hourOf(long micros) {
        return Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS;
    }

    public static BlockCell hour(long micros) {
        long start = hourOf(micros);
        return new BlockCell(start, start + HOUR_MICROS);
    }

    public boolean contains(long micros) {
        return start <= micros && micros < end;
    }

    public boolean overlaps(BlockCell other) {
        return start < other.end && other.start < end;
    }

    /** Whether the cell starts its hour: an hour's anchor, which every writer of the hour locks first. */
    public boolean isAnchor() {
        return start == hourOf(start);
    }

    long middle() {
        return start + (end - start) / 2;
    }

    BlockCell lower() {
        return new BlockCell(start, middle());
    }

    BlockCell upper() {
        return new BlockCell(middle(), end);
    }

    /** The largest cell of the reading's hour that holds it and overlaps none of {@code taken}. */
    public static BlockCell placeFor(long micros, List<BlockCell> taken) {
        BlockCell cell = hour(micros);
        while (taken.stream().anyMatch(cell::overlaps)) {
            cell = micros < cell.middle() ? cell.lower() : cell.upper();
        }
        return cell;
    }

    /** A part of sorted readings {@code [from, to)} of an array, and the cell it goes into. */
    public record Part(BlockCell cell, int from, int to) {

        public int size() {
            return to - from;
        }
    }

    /**
     * Cuts sorted readings {@code [from, to)} of this cell into cells of at most {@link #MAX_READINGS}, halving
     * where there are more. Empty halves are dropped, but for the anchor: an hour keeps its first cell.
     */
    public List<Part> split(long[] micros, int from, int to) {
        List<Part> parts = new ArrayList<>();
        split(micros, from, to, parts);
        return parts;
    }

    private void split(long[] micros, int from, int to, List<Part> parts) {
        if (to - from <= MAX_READINGS) {
            if (to > from || isAnchor()) {
                parts.add(new Part(this, from, to));
            }
            return;
        }
        int found = Arrays.binarySearch(micros, from, to, middle());
        int cut = found >= 0 ? found : -found - 1;
        lower().split(micros, from, cut, parts);
        upper().split(micros, cut, to, parts);
    }
}
