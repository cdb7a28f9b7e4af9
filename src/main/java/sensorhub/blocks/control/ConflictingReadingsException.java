package sensorhub.blocks.control;

import java.util.List;
import sensorhub.problems.control.RejectedException;

/** Readings of a sensor and time that exist, or repeat in the batch, with another value: nothing is stored. */
public class ConflictingReadingsException extends RejectedException {

    public ConflictingReadingsException(List<Field> items) {
        super(Reason.CONFLICT, "Some readings exist with other values; none was stored.", items);
    }
}
