package sensorhub.mqtt.boundary;

/** A message the broker delivered, as the ingest sees it; acknowledging it tells the broker it may forget it. */
public interface Delivery {

    String topic();

    byte[] payload();

    /** When the service received it, in epoch microseconds: the time of a bare number's reading. */
    long receivedMicros();

    /** Sends the acknowledgement of a QoS 1 message; nothing for QoS 0, which the broker never redelivers. */
    void acknowledge();
}
