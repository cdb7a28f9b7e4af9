package sensorhub.retention.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import sensorhub.blocks.entity.BlockHeader;
import sensorhub.database.boundary.ReadsDataSource;
import sensorhub.database.control.Sql;
import sensorhub.retention.control.RollupRows;

/** The hourly rollups of removed readings, each in the shape of a block header, as series read them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HourlyRollups {

    @Inject
    ReadsDataSource reads;

    /** The rollups of a sensor's hours starting in {@code [fromMicros, toMicros)}, in time order. */
    public List<BlockHeader> between(long sensorKey, long fromMicros, long toMicros) {
        return Sql.run(reads.get(), connection -> new RollupRows(connection).between(sensorKey, fromMicros,
                toMicros));
    }
}
