package sensorhub.json.control;

/** A request body longer than its route allows, noticed while it streams in, before it is all read. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long maxBytes) {
        super("The request body is longer than the " + maxBytes + " bytes this route accepts.");
    }
}
