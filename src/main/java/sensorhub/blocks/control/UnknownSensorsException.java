package sensorhub.blocks.control;

import java.util.List;
import sensorhub.problems.control.RejectedException;

/** Readings that name sensors which are not registered: the batch is refused whole. */
public class UnknownSensorsException extends RejectedException {

    public UnknownSensorsException(String detail, List<Field> items) {
        super(Reason.UNPROCESSABLE, detail, items);
    }
}
