package sensorhub.mqtt.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sensorhub.blocks.control.UnknownSensorsException;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.mqtt.control.Topics;

class MessageIngestTest {

    static final long RECEIVED = 1_767_225_600_000_000L;

    /** What happened, in order: a stored batch ("stored s1 s1"), a refusal ("refused <topic>"), an ack ("ack <n>"). */
    private final List<String> events = new ArrayList<>();
    private final List<JsonObject> refusals = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private int failuresBeforeStore;
    private String unknownSensor = "";

    private final MessageIngest ingest = new MessageIngest(new Topics("sensors", "g"), 100, 10_000, this::store,
            (topic, problem) -> {
                events.add("refused " + topic);
                refusals.add(Json.createReader(new StringReader(problem)).readObject());
            }, pauses::add);

    private void store(ReadingBatch batch) {
        if (failuresBeforeStore > 0) {
            failuresBeforeStore--;
            throw new IllegalStateException(new SQLNonTransientConnectionException("Connection refused", "08001"));
        }
        if (batch.sensorIds().contains(unknownSensor)) {
            throw new UnknownSensorsException("unknown", List.of());
        }
        StringBuilder stored = new StringBuilder("stored");
        for (int i = 0; i < batch.size(); i++) {
            stored.append(' ').append(batch.sensorIds().get(batch.sensorOf(i)));
        }
        events.add(stored.toString());
    }

    private Delivery message(int n, String topic, String payload) {
        return new Delivery() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public byte[] payload() {
                return payload.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public long receivedMicros() {
                return RECEIVED;
            }

            @Override
            public void acknowledge() {
                events.add("ack " + n);
            }
        };
    }

    @Test
    void storesConsecutiveMessagesInOneTransactionAndAcknowledgesThemInOrderAfterwards() throws Exception {
        ingest.handle(List.of(message(1, "sensors/a/readings", "1.5"),
                message(2, "sensors/b/readings", "{\"creation_date\": \"2026-01-01T00:00:00Z\", \"value\": 2}"),
                message(3, "sensors/readings", "sensor_id,creation_date,value\nc,2026-01-01T00:00:00Z,3")));

        assertEquals(List.of("stored a b c", "ack 1", "ack 2", "ack 3"), events);
    }

    @Test
    void storesEachMessageAloneWhereTheGroupIsRefusedAndPublishesTheRefusalBeforeItsAcknowledgement()
            throws Exception {
        unknownSensor = "x";
        ingest.handle(List.of(message(1, "sensors/a/readings", "1"), message(2, "sensors/x/readings", "2"),
                message(3, "sensors/b/readings", "3")));

        assertEquals(List.of("stored a", "stored b", "ack 1", "refused sensors/errors", "ack 2", "ack 3"), events);
        assertEquals("sensors/x/readings", refusals.get(0).getString("topic"));
        assertEquals(422, refusals.get(0).getInt("status"));
    }

    @Test
    void refusesAMessageThatIsNotReadingsNamingTheFieldAsTheRestAnswerDoes() throws Exception {
        ingest.handle(List.of(message(1, "sensors/a/readings", "{\"creation_date\": \"yesterday\", \"value\": 1}"),
                message(2, "sensors/readings", "[{\"sensor_id\": \"a\"")));

        assertEquals(List.of("refused sensors/errors", "ack 1", "refused sensors/errors", "ack 2"), events);
        assertEquals("[0].creation_date", refusals.get(0).getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        assertEquals(400, refusals.get(1).getInt("status"));
    }

    @Test
    void acknowledgesNothingWhileTheDatabaseFailsAndTriesAgainAfterLongerPauses() throws Exception {
        failuresBeforeStore = 4;
        ingest.handle(List.of(message(1, "sensors/a/readings", "1"), message(2, "sensors/b/readings", "2")));

        assertEquals(List.of(100L, 200L, 400L, 800L), pauses);
        assertEquals(List.of("stored a b", "ack 1", "ack 2"), events);
    }

    @Test
    void refusesAMessageLargerThanTheBodyLimit() throws Exception {
        ingest.handle(List.of(message(1, "sensors/readings", "x".repeat(10_001))));

        assertEquals(413, refusals.get(0).getInt("status"));
        assertTrue(events.contains("ack 1"));
    }
}
