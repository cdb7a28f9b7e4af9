package sensorhub.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The random inputs of one try of a property test, all following from one seed. Numbers are drawn uniformly
 * or, from wide ranges, biased to small distances from 0 (or from the range's nearer end), so that small and
 * large magnitudes are both reached; sizes are mostly small, sometimes anywhere in their range, sometimes the
 * largest. Now and then a draw is an edge of its range instead: an end, the value next to it, or -1, 0 or 1
 * where they lie in it. In one try of six, half the draws are edges, so that edges also meet each other.
 */
public final class Inputs {

    /** How far above their minimum most sizes stay. */
    private static final int SMALL_SIZES = 40;

    private final long seed;
    private final SplittableRandom random;
    /** A draw that has edges takes one of them once in this many draws. */
    private final int edgeOdds;

    public Inputs(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.edgeOdds = random.nextInt(6) == 0 ? 2 : 32;
    }

    public long seed() {
        return seed;
    }

    /** For draws of other shapes; it follows from the seed like the rest. */
    public SplittableRandom random() {
        return random;
    }

    /** True once in {@code n} draws. */
    public boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    public int between(int min, int max) {
        return (int) between((long) min, (long) max);
    }

    /** From {@code min} to {@code max}, both included. */
    public long between(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        if (oneIn(edgeOdds)) {
            return edge(min, max);
        }
        if (Long.compareUnsigned(max - min, 1L << 16) > 0 && random.nextBoolean()) {
            long near = Math.max(min, Math.min(max, 0));
            long distance = random.nextLong() >>> (1 + random.nextInt(63));
            boolean up = random.nextBoolean();
            if (Long.compareUnsigned(distance, up ? max - near : near - min) <= 0) {
                return up ? near + distance : near - distance;
            }
        }
        return uniform(min, max);
    }

    public long anyLong() {
        return between(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A size from {@code min} to {@code max}: mostly small, once in ten anywhere, once in fifty the largest. */
    public int size(int min, int max) {
        if (oneIn(edgeOdds)) {
            return pick(min, Math.min(min + 1, max), max);
        }
        int draw = random.nextInt(50);
        if (draw == 0) {
            return max;
        }
        return draw <= 5 ? (int) uniform(min, max) : (int) uniform(min, Math.min(max, min + SMALL_SIZES));
    }

    public <T> List<T> listOf(int minSize, int maxSize, Supplier<T> element) {
        int size = size(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    public byte[] bytes(int minSize, int maxSize) {
        byte[] bytes = new byte[size(minSize, maxSize)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) between(Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        return bytes;
    }

    /** {@code length} decimal digits. */
    public String digits(int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + between(0, 9)));
        }
        return digits.toString();
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public <E extends Enum<E>> E pick(Class<E> type) {
        return pick(type.getEnumConstants());
    }

    /** An index into {@code weights}, each drawn as often as its weight says. */
    public int weighted(int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        int i = 0;
        while (draw >= weights[i]) {
            draw -= weights[i++];
        }
        return i;
    }

    private long edge(long min, long max) {
        long[] edges = {min, min < max ? min + 1 : min, -1, 0, 1, max > min ? max - 1 : max, max};
        return Math.max(min, Math.min(max, edges[random.nextInt(edges.length)]));
    }

    private long uniform(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return random.nextLong();
        }
        return max < Long.MAX_VALUE ? random.nextLong(min, max + 1) : random.nextLong(min - 1, max) + 1;
    }
}
