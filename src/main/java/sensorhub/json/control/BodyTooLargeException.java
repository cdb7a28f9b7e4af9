package sensorhub.json.control;

import sensorhub.problems.control.RejectedException;

/** A request body longer than its route allows, noticed while it streams in, before it is all read. */
public class BodyTooLargeException extends RejectedException {

    public BodyTooLargeException(long maxBytes) {
        super(Reason.TOO_LARGE, "The request body is longer than the " + maxBytes + " bytes this route accepts.");
    }
}
