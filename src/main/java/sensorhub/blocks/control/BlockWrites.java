package sensorhub.blocks.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import sensorhub.blocks.entity.IngestResult;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.blocks.entity.ReadingsWritten;
import sensorhub.database.control.Sql;

/**
 * The block store's writes, each in the caller's transaction or one of its own, on the primary datasource. Each
 * announces {@link ReadingsWritten} in its transaction, so that what was derived from the readings is forgotten.
 * Only the door ({@link sensorhub.blocks.boundary.ReadingBlocks}) calls it.
 */
@Stateless
public class BlockWrites {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource primary;

    @Inject
    Event<ReadingsWritten> written;

    public IngestResult store(ReadingBatch batch, long[] sensorKeys) {
        IngestResult result = Sql.run(primary, connection ->
                BlockIngest.run(new BlockTable(connection), batch, sensorKeys));
        if (!result.spans().isEmpty()) {
            written.fire(new ReadingsWritten(result.spans()));
        }
        return result;
    }

    public long delete(long sensorKey, long fromMicros, long toMicros) {
        long deleted = Sql.run(primary, connection ->
                new BlockTable(connection).delete(sensorKey, fromMicros, toMicros));
        if (deleted > 0) {
            written.fire(new ReadingsWritten(List.of(new ReadingsWritten.Span(sensorKey, fromMicros, toMicros - 1))));
        }
        return deleted;
    }
}
