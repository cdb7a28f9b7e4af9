package sensorhub.blocks.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sensorhub.blocks.control.BlockCodecTest.rawBits;
import static sensorhub.testing.PropertyCheck.forSeeds;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sensorhub.testing.Inputs;

/**
 * Holds {@link BlockCodec} to being lossless on series of every shape: timestamps regular, jittered, irregular
 * or anywhere in the range of {@code long}; values decimal, spiked, of any bit pattern, special (-0.0, NaNs,
 * subnormals, the extremes) or mixed; 1 to 4096 readings, cut from larger arrays. Changed blocks are refused
 * with an {@link IllegalArgumentException} or read as some valid block, never anything else. Each input
 * follows from a seed that a failure names ({@link sensorhub.testing.PropertyCheck}).
 */
class BlockCodecPropertiesTest {

    private static final double[] SPECIAL_VALUES = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.NaN,
        Double.longBitsToDouble(0x7FF8_0000_0000_0001L), Double.longBitsToDouble(0xFFF0_0000_0000_0001L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308, 1e-308, 9_007_199_254_740_993d, 1e-22, 1e22};

    @Test
    void decodesEveryBitThatItEncoded() {
        forSeeds(4_000, 1, BlockCodecPropertiesTest::series, series -> {
            byte[] encoded = BlockCodec.encode(series.micros(), series.values(), series.from(), series.to());
            BlockCodec.Block block = BlockCodec.decode(encoded);

            assertArrayEquals(Arrays.copyOfRange(series.micros(), series.from(), series.to()), block.micros());
            assertArrayEquals(rawBits(Arrays.copyOfRange(series.values(), series.from(), series.to())),
                    rawBits(block.values()));
            assertEquals(series.to() - series.from(), BlockCodec.count(encoded));
        });
    }

    @Test
    void storesNumbersOfEDecimalsInADecimalModeOfAtMostE() {
        forSeeds(2_000, 2, inputs -> new Decimals(inputs.between(0, 15), inputs.between(1, 15), size(inputs),
                inputs.anyLong()), decimals -> {
                    Random random = new Random(decimals.seed());
                    int size = decimals.size();
                    double[] values = decimals(random, size, decimals.exponent(), decimals.digits());
                    long[] micros = new long[size];
                    Arrays.setAll(micros, i -> i * 1_000_000L);

                    byte[] encoded = BlockCodec.encode(micros, values, 0, size);
                    assertTrue((encoded[1] & 0xFF) <= decimals.exponent(), () -> "mode " + (encoded[1] & 0xFF));
                    BlockCodecTest.assertRoundTrip(micros, values, encoded);
                });
    }

    @Test
    void refusesChangedBlocksOrReadsThemAsValidOnes() {
        forSeeds(6_000, 3, BlockCodecPropertiesTest::changed, bytes -> {
            BlockCodec.Block block;
            try {
                block = BlockCodec.decode(bytes);
            } catch (IllegalArgumentException refused) {
                return;
            }
            int count = block.micros().length;
            assertEquals(count, block.values().length);
            assertEquals(count, BlockCodec.count(bytes));
            assertNotEquals(0, count);
            BlockCodecTest.assertRoundTrip(block.micros(), block.values(),
                    BlockCodec.encode(block.micros(), block.values(), 0, count));
        });
    }

    /** {@code exponent} decimals of at most {@code digits} digits, {@code size} of them drawn from {@code seed}. */
    record Decimals(int exponent, int digits, int size, long seed) {
    }

    static Series series(Inputs inputs) {
        return Series.of(inputs.pick(Times.class), inputs.pick(Values.class), size(inputs), inputs.anyLong(),
                inputs.between(0, 3), inputs.between(0, 3));
    }

    static int size(Inputs inputs) {
        return switch (inputs.weighted(5, 2, 1)) {
            case 0 -> inputs.between(1, 300);
            case 1 -> inputs.between(301, 4096);
            default -> inputs.pick(1, 2, 3, 128, 129, 130, 256, 257, 3600, 4096);
        };
    }

    /** A block of up to 300 readings with one change. */
    static byte[] changed(Inputs inputs) {
        Series s = Series.of(inputs.pick(Times.class), inputs.pick(Values.class), inputs.between(1, 300),
                inputs.anyLong(), 0, 0);
        byte[] block = BlockCodec.encode(s.micros(), s.values(), s.from(), s.to());
        return inputs.pick(Change.class).apply(block, inputs.between(0, 1 << 20), inputs.between(1, 255));
    }

    /** One change to a block's bytes at a position (taken modulo its length). */
    enum Change {
        FLIP_BIT, SET_BYTE, CUT, APPEND, FLIP_HEADER_BIT;

        byte[] apply(byte[] block, int at, int b) {
            byte[] copy = block.clone();
            int i = at % block.length;
            return switch (this) {
                case FLIP_BIT -> flip(copy, i, b % 8);
                case SET_BYTE -> {
                    copy[i] = (byte) b;
                    yield copy;
                }
                case CUT -> Arrays.copyOf(block, i);
                case APPEND -> {
                    byte[] longer = Arrays.copyOf(block, block.length + 1 + b % 4);
                    longer[block.length] = (byte) b;
                    yield longer;
                }
                case FLIP_HEADER_BIT -> flip(copy, i % Math.min(12, block.length), b % 8);
            };
        }

        private static byte[] flip(byte[] bytes, int i, int bit) {
            bytes[i] ^= (byte) (1 << bit);
            return bytes;
        }
    }

    enum Times {
        REGULAR, JITTERED, IRREGULAR, ANYWHERE, NEAR_THE_EDGES;

        long[] generate(Random random, int size) {
            long[] micros = new long[size];
            switch (this) {
                case REGULAR -> {
                    long step = random.nextBoolean() ? 1_000_000 : 1 + random.nextLong(1L << random.nextInt(41));
                    long start = Math.min(random.nextLong(), Long.MAX_VALUE - step * (size - 1));
                    Arrays.setAll(micros, i -> start + i * step);
                }
                case JITTERED -> {
                    long start = random.nextLong(-(1L << 62), 1L << 62);
                    int jitter = random.nextInt(5_001);
                    Arrays.setAll(micros, i -> start + i * 1_000_000L + random.nextInt(2 * jitter + 1) - jitter);
                }
                case IRREGULAR -> {
                    micros[0] = random.nextLong(-(1L << 62), 1L << 62);
                    for (int i = 1; i < size; i++) {
                        micros[i] = micros[i - 1] + 1 + random.nextLong(1L << random.nextInt(41));
                    }
                }
                case ANYWHERE -> micros = random.longs().distinct().limit(size).sorted().toArray();
                case NEAR_THE_EDGES -> micros = random.longs().map(x -> nearAnEdge(random)).distinct().limit(size)
                        .sorted().toArray();
            }
            return micros;
        }

        /** Within 2^20 of the ends of {@code long}, of ±2^62 or of 0. */
        private static long nearAnEdge(Random random) {
            long offset = random.nextLong(1L << 20);
            return switch (random.nextInt(6)) {
                case 0 -> Long.MIN_VALUE + offset;
                case 1 -> Long.MAX_VALUE - offset;
                case 2 -> (1L << 62) + offset - (1L << 19);
                case 3 -> -(1L << 62) + offset - (1L << 19);
                case 4 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                default -> offset - (1L << 19);
            };
        }
    }

    enum Values {
        BENCHMARK, DECIMALS, SPIKED_DECIMALS, DECIMALS_AND_SPECIALS, ANY_BITS, SPECIALS, CONSTANT, FEW_DISTINCT,
        CLOSE_BITS;

        double[] generate(Random random, int size) {
            double[] values = new double[size];
            switch (this) {
                case BENCHMARK -> {
                    double noise = random.nextInt(3);
                    double phase = random.nextDouble();
                    Arrays.setAll(values, i -> Math.round((20 + 8 * Math.sin(2 * Math.PI * (phase + i / 86_400d))
                            + noise * (random.nextDouble() - 0.5)) * 1000) / 1000d);
                }
                case DECIMALS -> values = decimals(random, size, random.nextInt(16), 1 + random.nextInt(15));
                case SPIKED_DECIMALS -> {
                    values = decimals(random, size, 2, 4);
                    for (int spikes = random.nextInt(4); spikes >= 0; spikes--) {
                        values[random.nextInt(size)] = (random.nextLong(2_000_000_000_000L) - 1_000_000_000_000L)
                                / 100d;
                    }
                }
                case DECIMALS_AND_SPECIALS -> {
                    values = decimals(random, size, random.nextInt(6), 1 + random.nextInt(8));
                    for (int specials = random.nextInt(3); specials >= 0; specials--) {
                        values[random.nextInt(size)] = special(random);
                    }
                }
                case ANY_BITS -> Arrays.setAll(values, i -> Double.longBitsToDouble(random.nextLong()));
                case SPECIALS -> Arrays.setAll(values, i -> special(random));
                case CONSTANT -> Arrays.fill(values, Values.values()[random.nextInt(CONSTANT.ordinal())]
                        .generate(random, 1)[0]);
                case FEW_DISTINCT -> {
                    double[] palette = {special(random), Double.longBitsToDouble(random.nextLong()),
                        random.nextInt(100) / 10d};
                    Arrays.setAll(values, i -> palette[random.nextInt(palette.length)]);
                }
                case CLOSE_BITS -> {
                    long bits = random.nextLong();
                    // a few low bits changed, shifted a little: XORs that do and do not fit the last window
                    Arrays.setAll(values, i -> Double.longBitsToDouble(bits
                            ^ (random.nextLong() >>> (12 + random.nextInt(52))) << random.nextInt(8)));
                }
            }
            return values;
        }

        private static double special(Random random) {
            return random.nextInt(4) == 0
                    ? Double.longBitsToDouble(random.nextLong(1L << 52) | (random.nextBoolean() ? Long.MIN_VALUE : 0))
                    : SPECIAL_VALUES[random.nextInt(SPECIAL_VALUES.length)];
        }
    }

    /** Numbers of up to {@code digits} digits with {@code exponent} of them decimals: iid or a random walk. */
    static double[] decimals(Random random, int size, int exponent, int digits) {
        double power = Math.pow(10, exponent);
        long bound = (long) Math.pow(10, digits);
        double[] values = new double[size];
        boolean walk = random.nextBoolean();
        long n = random.nextLong(-bound + 1, bound);
        for (int i = 0; i < size; i++) {
            n = walk ? Math.max(-bound + 1, Math.min(bound - 1, n + random.nextInt(21) - 10))
                    : random.nextLong(-bound + 1, bound);
            values[i] = n / power;
        }
        return values;
    }

    /** Readings {@code [from, to)} of the arrays; the padding around them is garbage that must not matter. */
    record Series(Times times, Values kind, int size, long seed, long[] micros, double[] values, int from, int to) {

        static Series of(Times times, Values kind, int size, long seed, int before, int after) {
            Random random = new Random(seed);
            long[] micros = random.longs(before + size + after).toArray();
            double[] values = random.longs(before + size + after).mapToDouble(Double::longBitsToDouble).toArray();
            System.arraycopy(times.generate(random, size), 0, micros, before, size);
            System.arraycopy(kind.generate(random, size), 0, values, before, size);
            return new Series(times, kind, size, seed, micros, values, before, before + size);
        }

        @Override
        public String toString() {
            return "Series[%s times, %s values, %d readings, seed %d, from %d]".formatted(times, kind, size, seed,
                    from);
        }
    }
}
