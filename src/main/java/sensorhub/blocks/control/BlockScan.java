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
            long from = Math.max(fromMicros, headers.get(next).firstMicros());
            long to = Math.min(toMicros, headers.get(end - 1).lastMicros() + 1);
            table.readings(sensorKey, from, to, BlockTable.BLOCKS_PER_QUERY, block -> {
                int last = block.firstAtOrAfter(to);
                visitor.readings(block.micros(), block.values(), block.firstAtOrAfter(from), last);
                return last == block.size();
            });
            next = end;
        }
    }

    private boolean byHeader(BlockHeader block, BlockVisitor visitor) {
        return block.firstMicros() >= fromMicros && block.lastMicros() < toMicros && visitor.byHeader(block);
    }
}
