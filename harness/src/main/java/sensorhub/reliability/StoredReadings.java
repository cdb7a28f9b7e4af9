package sensorhub.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sensorhub.blocks.control.BlockCodec;

/**
 * What the database holds for a phase's sensors, held against what the clients were told: every acknowledged
 * reading stored exactly once with the very same value (compared bit for bit), and no other row but readings
 * whose fate was in doubt. Rows are read over the binary protocol, so that doubles arrive exactly.
 */
final class StoredReadings {

    static final long DAY_MICROS = 86_400_000_000L;
    private static final int MISSING_NAMED = 10_000;
    private static final long HOUR_MICROS = 3_600_000_000L;
    private static final String BLOCKS_OF_SENSOR = "SELECT b.readings FROM reading_blocks b JOIN sensors s "
            + "ON s.sensor_key = b.sensor_key WHERE s.id = ? AND b.reading_count > 0";

    /** Counts of the comparison; {@code dirtyDays} are (sensor, epoch day) pairs with rows not acknowledged. */
    record Verdict(long acknowledged, long stored, long missing, long wrongValue, long duplicates,
            long storedInDoubt, long storedRefused, long unexpected, Set<Long> dirtyDays, List<long[]> someMissing) {

        boolean intact() {
            return missing == 0 && wrongValue == 0 && duplicates == 0 && storedRefused == 0 && unexpected == 0;
        }

        static long day(int sensor, long epochDay) {
            return ((long) sensor << 32) | epochDay;
        }
    }

    private record Row(long micros, long bits) {
    }

    private StoredReadings() {
    }

    static Verdict check(Connection connection, List<String> sensorIds, ReadingLog acknowledged,
            ReadingLog inDoubt, ReadingLog refused) throws SQLException {
        List<List<Row>> expected = bySensor(sensorIds.size(), acknowledged);
        List<Set<Long>> doubtful = instantsBySensor(sensorIds.size(), inDoubt);
        List<Set<Long>> refusedInstants = instantsBySensor(sensorIds.size(), refused);
        long stored = 0;
        long missing = 0;
        long wrong = 0;
        long duplicates = 0;
        long storedInDoubt = 0;
        long storedRefused = 0;
        long unexpected = 0;
        Set<Long> dirtyDays = new HashSet<>();
        List<long[]> someMissing = new ArrayList<>();
        String sql = BLOCKS_OF_SENSOR + " ORDER BY b.block_start";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int sensor = 0; sensor < sensorIds.size(); sensor++) {
                query.setString(1, sensorIds.get(sensor));
                List<Row> want = expected.get(sensor);
                int next = 0;
                long previous = Long.MIN_VALUE;
                for (long[] reading : stored(query)) {
                    stored++;
                    long micros = reading[0];
                    long bits = reading[1];
                    if (micros == previous) {
                        duplicates++;
                        continue;
                    }
                    previous = micros;
                    while (next < want.size() && want.get(next).micros() < micros) {
                        noteMissing(someMissing, sensor, want.get(next++).micros());
                        missing++;
                    }
                    if (next < want.size() && want.get(next).micros() == micros) {
                        if (want.get(next).bits() != bits) {
                            wrong++;
                        }
                        next++;
                    } else {
                        dirtyDays.add(Verdict.day(sensor, Math.floorDiv(micros, DAY_MICROS)));
                        if (doubtful.get(sensor).contains(micros)) {
                            storedInDoubt++;
                        } else if (refusedInstants.get(sensor).contains(micros)) {
                            storedRefused++;
                        } else {
                            unexpected++;
                        }
                    }
                }
                while (next < want.size()) {
                    noteMissing(someMissing, sensor, want.get(next++).micros());
                    missing++;
                }
            }
        }
        return new Verdict(acknowledged.size(), stored, missing, wrong, duplicates, storedInDoubt, storedRefused,
                unexpected, dirtyDays, someMissing);
    }

    /** Keeps the first missing readings as {sensor, micros}, for a report to name. */
    private static void noteMissing(List<long[]> someMissing, int sensor, long micros) {
        if (someMissing.size() < MISSING_NAMED) {
            someMissing.add(new long[] {sensor, micros});
        }
    }

    /**
     * A sensor's stored values in {@code [fromMicros, toMicros)}, in time order, decoded from its blocks (a block
     * starts at most an hour before its readings).
     */
    static double[] values(Connection connection, String sensorId, long fromMicros, long toMicros)
            throws SQLException {
        String sql = BLOCKS_OF_SENSOR + " AND b.block_start >= ? AND b.block_start < ? ORDER BY b.block_start";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, sensorId);
            query.setLong(2, fromMicros - HOUR_MICROS);
            query.setLong(3, toMicros);
            return stored(query).stream().filter(r -> r[0] >= fromMicros && r[0] < toMicros)
                    .mapToDouble(r -> Double.longBitsToDouble(r[1])).toArray();
        }
    }

    /** A sensor's stored readings as {micros, value bits}, in time order, decoded from its blocks. */
    private static List<long[]> stored(PreparedStatement query) throws SQLException {
        List<long[]> readings = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                BlockCodec.Block block = BlockCodec.decode(rows.getBytes(1));
                for (int i = 0; i < block.micros().length; i++) {
                    readings.add(new long[] {block.micros()[i], Double.doubleToRawLongBits(block.values()[i])});
                }
            }
        }
        return readings;
    }

    /** The acknowledged values of one sensor's UTC day, in time order. */
    static double[] dayValues(ReadingLog acknowledged, int sensor, long epochDay) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < acknowledged.size(); i++) {
            if (acknowledged.sensor(i) == sensor && Math.floorDiv(acknowledged.micros(i), DAY_MICROS) == epochDay) {
                pairs.add(new double[] {acknowledged.micros(i), acknowledged.value(i)});
            }
        }
        return pairs.stream().sorted((a, b) -> Double.compare(a[0], b[0])).mapToDouble(p -> p[1]).toArray();
    }

    /** How many acknowledged readings each (sensor, epoch day) has. */
    static Map<Long, Integer> countsByDay(ReadingLog acknowledged) {
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < acknowledged.size(); i++) {
            counts.merge(Verdict.day(acknowledged.sensor(i), Math.floorDiv(acknowledged.micros(i), DAY_MICROS)), 1,
                    Integer::sum);
        }
        return counts;
    }

    private static List<List<Row>> bySensor(int sensors, ReadingLog log) {
        List<List<Row>> rows = new ArrayList<>();
        for (int s = 0; s < sensors; s++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < log.size(); i++) {
            rows.get(log.sensor(i)).add(new Row(log.micros(i), Double.doubleToRawLongBits(log.value(i))));
        }
        for (List<Row> list : rows) {
            Row[] sorted = list.toArray(Row[]::new);
            Arrays.sort(sorted, (a, b) -> Long.compare(a.micros(), b.micros()));
            list.clear();
            list.addAll(Arrays.asList(sorted));
        }
        return rows;
    }

    private static List<Set<Long>> instantsBySensor(int sensors, ReadingLog log) {
        List<Set<Long>> sets = new ArrayList<>();
        for (int s = 0; s < sensors; s++) {
            sets.add(new HashSet<>());
        }
        for (int i = 0; i < log.size(); i++) {
            sets.get(log.sensor(i)).add(log.micros(i));
        }
        return sets;
    }
}
