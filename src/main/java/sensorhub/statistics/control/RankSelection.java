package sensorhub.statistics.control;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.arrays.Selection;
import sensorhub.blocks.control.BlockVisitor;
import sensorhub.blocks.entity.BlockHeader;

/**
 * The values at given ranks of a range too long to hold (a year at 1 Hz is 31.5 million readings), found exactly
 * in a few passes over its blocks. Each value has a key that orders as {@link Double#compare} does ({@code -0.0}
 * before {@code 0.0}). A rank's value lies in a window of keys, at first the range's extremes: a pass counts the
 * window's values in 65,536 buckets of keys, and the next narrows the window to the bucket holding the rank,
 * until the window holds few enough values to be gathered and selected from (Commons Numbers' selection, as
 * {@link sensorhub.numbers.control.Summary} does), or only one key. A block whose extremes fall into one bucket,
 * or outside the window, is counted by its header without being decoded; as the window narrows, more do.
 * <p>
 * Heap: 512 KiB of counts a window and at most {@link #GATHERED} values gathered a pass (32 MiB), whatever the
 * range. Every pass must see the same values, which the caller's snapshot ensures; a pass that counts another
 * number of values than the first fails rather than answer wrongly.
 */
public final class RankSelection {

    /** Values gathered in one pass, all windows together. */
    static final int GATHERED = 1 << 22;
    private static final int BUCKET_BITS = 16;

    /** Reads every value of the range once, in any order. */
    @FunctionalInterface
    public interface Values {
        void pass(BlockVisitor visitor) throws SQLException;
    }

    private final Values values;
    private final long count;
    private final long[] ranks;
    private final int gathered;
    private final Map<Long, Double> found = new LinkedHashMap<>();

    private RankSelection(Values values, long count, int gathered, long[] ranks) {
        this.values = values;
        this.count = count;
        this.gathered = gathered;
        this.ranks = ranks;
    }

    /**
     * The values at the given ranks (from 0, in ascending order of value) of the {@code count} values, whose
     * extremes are {@code min} and {@code max}.
     */
    public static Map<Long, Double> select(Values values, long count, double min, double max, long... ranks)
            throws SQLException {
        return selectGathering(values, count, min, max, GATHERED, ranks);
    }

    /** As {@link #select(Values, long, double, double, long...)}, gathering at most {@code gathered} a pass. */
    static Map<Long, Double> selectGathering(Values values, long count, double min, double max, int gathered,
            long... ranks) throws SQLException {
        for (long rank : ranks) {
            if (rank < 0 || rank >= count) {
                throw new IllegalArgumentException("No rank " + rank + " among " + count + " values");
            }
        }
        RankSelection selection = new RankSelection(values, count, gathered, ranks);
        selection.run(new Window(key(min), key(max), 0, count));
        return selection.found;
    }

    private void run(Window whole) throws SQLException {
        Map<Long, Window> windows = new LinkedHashMap<>();
        for (long rank : ranks) {
            windows.put(rank, whole);
        }
        while (!windows.isEmpty()) {
            Map<Window, List<Long>> ranksOf = new LinkedHashMap<>();
            windows.forEach((rank, window) -> {
                if (window.low == window.high) {
                    found.put(rank, value(window.low));
                } else {
                    ranksOf.computeIfAbsent(window, w -> new ArrayList<>()).add(rank);
                }
            });
            windows.clear();
            if (ranksOf.isEmpty()) {
                return;
            }
            Pass pass = new Pass(new ArrayList<>(ranksOf.keySet()), gathered);
            values.pass(pass);
            if (pass.seen != count) {
                throw new IllegalStateException("A pass saw " + pass.seen + " values of " + count);
            }
            ranksOf.forEach((window, windowRanks) -> {
                for (long rank : windowRanks) {
                    if (window.gathered != null) {
                        found.put(rank, window.select(rank));
                    } else {
                        windows.put(rank, window.narrowed(rank));
                    }
                }
            });
        }
    }

    /** One pass: each window either counts its values by bucket or, if few enough, gathers them. */
    private static final class Pass implements BlockVisitor {
        private final Window[] windows;
        private long seen;

        Pass(List<Window> windows, int gathered) {
            this.windows = windows.toArray(Window[]::new);
            Arrays.sort(this.windows, (a, b) -> Long.compare(a.size, b.size));
            long room = gathered;
            for (Window window : this.windows) {
                if (window.size <= room) {
                    window.gathered = new double[(int) window.size];
                    room -= window.size;
                } else {
                    window.counts = new long[(int) (window.span() >>> window.shift()) + 1];
                }
            }
        }

        @Override
        public boolean byHeader(BlockHeader block) {
            long low = key(block.min());
            long high = key(block.max());
            for (Window window : windows) {
                if (high >= window.low && low <= window.high
                        && (window.counts == null || low < window.low || high > window.high
                                || window.bucket(low) != window.bucket(high))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void header(BlockHeader block) {
            seen += block.count();
            long low = key(block.min());
            for (Window window : windows) {
                if (low >= window.low && low <= window.high) {
                    window.counts[window.bucket(low)] += block.count();
                }
            }
        }

        @Override
        public void readings(long[] micros, double[] values, int from, int to) {
            seen += to - from;
            for (Window window : windows) {
                for (int i = from; i < to; i++) {
                    long key = key(values[i]);
                    if (key >= window.low && key <= window.high) {
                        window.add(key, values[i]);
                    }
                }
            }
        }
    }

    /**
     * The keys {@code [low, high]} a rank's value is known to lie in, {@code below} values lying under them and
     * {@code size} in them.
     */
    private static final class Window {
        final long low;
        final long high;
        final long below;
        final long size;
        long[] counts;
        double[] gathered;
        int filled;

        Window(long low, long high, long below, long size) {
            this.low = low;
            this.high = high;
            this.below = below;
            this.size = size;
        }

        /** {@code high - low}, unsigned: keys span up to 2^64. */
        long span() {
            return high - low;
        }

        int shift() {
            return Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(span()) - BUCKET_BITS);
        }

        int bucket(long key) {
            return (int) ((key - low) >>> shift());
        }

        void add(long key, double value) {
            if (counts != null) {
                counts[bucket(key)]++;
            } else {
                gathered[filled++] = value;
            }
        }

        double select(long rank) {
            if (filled != gathered.length) {
                throw new IllegalStateException("A pass gathered " + filled + " values of " + gathered.length);
            }
            int index = (int) (rank - below);
            Selection.select(gathered, index);
            return gathered[index];
        }

        /** The window of the bucket that holds the rank's value. */
        Window narrowed(long rank) {
            long under = below;
            for (int bucket = 0; bucket < counts.length; bucket++) {
                if (rank < under + counts[bucket]) {
                    long start = low + ((long) bucket << shift());
                    long end = bucket == counts.length - 1 ? high : start + (1L << shift()) - 1;
                    return new Window(start, end, under, counts[bucket]);
                }
                under += counts[bucket];
            }
            throw new IllegalStateException("Rank " + rank + " lies past the window's " + (under - below) + " values");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Window w && w.low == low && w.high == high;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(low) * 31 + Long.hashCode(high);
        }
    }

    /** A key of the value that orders as {@link Double#compare} orders values. */
    static long key(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}
