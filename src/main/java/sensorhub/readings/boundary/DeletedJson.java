package sensorhub.readings.boundary;


/** How many readings a delete removed. */
public record DeletedJson(long deleted) {
}
