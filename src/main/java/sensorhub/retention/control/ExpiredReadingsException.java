package sensorhub.retention.control;

import java.util.List;
import sensorhub.problems.control.RejectedException;

/** Readings older than their sensor's retention: refused whole, each named, as readings of unknown sensors are. */
public class ExpiredReadingsException extends RejectedException {

    public ExpiredReadingsException(List<Field> items) {
        super(Reason.UNPROCESSABLE, "Some readings are older than their sensor's retention keeps; none was stored.",
                items);
    }
}
