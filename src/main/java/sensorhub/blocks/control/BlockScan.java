package sensorhub.blocks.control;

import java.sql.SQLException;
import java.util.List;
import sensorhub.blocks.entity.BlockHeader;

/**
 * Passes over one sensor's readings of {@code [fromMicros, toMicros)}, given the headers of its blocks there: a
 * block wholly in the range goes to the visitor by its header where the visitor takes it so; runs of the others
 * are fetched and decoded a few blocks a query, and only their readings in the range handed on. A pass may be
 * made again over the same headers, on a connection whose transaction sees the same rows each time.
 */
public final class BlockScan {

    /** Readings fetched per query at most, unless fewer than BLOCKS_PER_QUERY blocks hold more: at most 2.5 MB. */
    static final int READINGS_PER_QUERY = 1 << 18;

    private final BlockTable table;
    private final long sensorKey;
    private final long fromMicros;
    private final long toMicros;
    private final List<BlockHeader> headers;

    public BlockScan(BlockTable table, long sensorKey, long fromMicros, long toMicros, List<BlockHeader> headers) {
        this.table = table;
        this.sensorKey = sensorKey;
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
        this.headers = headers;
    }

    public List<BlockHeader> headers() {
        return headers;
    }

    /** Passes over the part {@code [from, to)} of the range, on the same connection. */
    public BlockScan within(long from, long to) {
        long start = Math.max(fromMicros, from);
        long end = Math.min(toMicros, to);
        return new BlockScan(table, sensorKey, start, end, headers.stream()
                .filter(block -> block.lastMicros() >= start && block.firstMicros() < end).toList());
    }

    public void pass(BlockVisitor visitor) throws SQLException {
        int next = 0;
        while (next < headers.size()) {
            if (byHeader(headers.get(next), visitor)) {
                visitor.header(headers.get(next++));
                continue;
            }
            int end = next + 1;
            while (end < headers.size() && !byHeader(headers.get(end), visitor)) {
                end++;
            }
            decode(next, end, visitor);
            next = end;
        }
    }

    /**
     * Fetches and decodes the blocks {@code [first, end)} of the headers, in queries of at most
     * {@link #READINGS_PER_QUERY} readings (and at least {@link BlockTable#BLOCKS_PER_QUERY} blocks): a year of
     * hourly blocks of a few readings each is then a few queries, not hundreds.
     */
    private void decode(int first, int end, BlockVisitor visitor) throws SQLException {
        int start = first;
        while (start < end) {
            int stop = start;
            long readings = 0;
            while (stop < end && (stop - start < BlockTable.BLOCKS_PER_QUERY
                    || readings + headers.get(stop).count() <= READINGS_PER_QUERY)) {
                readings += headers.get(stop++).count();
            }
            long from = Math.max(fromMicros, headers.get(start).firstMicros());
            long to = Math.min(toMicros, headers.get(stop - 1).lastMicros() + 1);
            // one more than the blocks planned: the first may follow earlier blocks of its hour, which come too
            table.readings(sensorKey, from, to, stop - start + 1, block -> {
                int last = block.firstAtOrAfter(to);
                visitor.readings(block.micros(), block.values(), block.firstAtOrAfter(from), last);
                return last == block.size();
            });
            start = stop;
        }
    }

    private boolean byHeader(BlockHeader block, BlockVisitor visitor) {
        return block.firstMicros() >= fromMicros && block.lastMicros() < toMicros && visitor.byHeader(block);
    }
}
