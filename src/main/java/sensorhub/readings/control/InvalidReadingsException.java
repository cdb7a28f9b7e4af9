package sensorhub.readings.control;

import java.util.List;
import sensorhub.problems.control.RejectedException;

/** A batch of readings that is not well formed, or holds invalid items, each named: nothing is stored. */
public class InvalidReadingsException extends RejectedException {

    public InvalidReadingsException(String detail) {
        super(Reason.INVALID, detail);
    }

    public InvalidReadingsException(String detail, List<Field> items) {
        super(Reason.INVALID, detail, items);
    }
}
