package sensorhub.mqtt.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.database.control.DatabaseFailure;
import sensorhub.json.control.BodyTooLargeException;
import sensorhub.meters.control.Meters;
import sensorhub.mqtt.control.Topics;
import sensorhub.problems.boundary.Problem;
import sensorhub.problems.control.RejectedException;
import sensorhub.readings.control.InvalidReadingsException;
import sensorhub.readings.control.ReadingBatchParser;

/**
 * Stores the messages the broker delivers, in the order they came, and acknowledges each only once its readings
 * are committed or it is refused for good. Consecutive messages are stored together in one transaction (a reading
 * per message would otherwise cost a commit each); where that group is refused, each message is stored alone, so
 * every message stays one atomic batch. A refusal is published to the error topic before its message is
 * acknowledged. While the database fails, nothing is acknowledged: the same messages are tried again after a pause
 * that doubles up to {@link #LONGEST_PAUSE_MILLIS}, and the broker, whose in-flight window then stays full, sends no
 * more.
 */
public final class MessageIngest implements Runnable {

    private static final Logger LOG = Logger.getLogger(MessageIngest.class.getName());

    static final long FIRST_PAUSE_MILLIS = 100;
    static final long LONGEST_PAUSE_MILLIS = 30_000;
    /** Messages stored in one transaction at most: a thousand readings of one each, or the batch limit's worth. */
    static final int MESSAGES_PER_GROUP = 1000;
    /** Messages waiting at most: beyond it a QoS 0 message is dropped, a QoS 1 one waits for room. */
    static final int QUEUE_CAPACITY = 10_000;

    /** Where readings go: the one ingest path. */
    @FunctionalInterface
    public interface Store {
        void store(ReadingBatch batch);
    }

    /** Where refusals go: publishes a problem document to the error topic, returning once the broker took it. */
    @FunctionalInterface
    public interface Refusals {
        void publish(String topic, String problem) throws Exception;
    }

    /** Waits between attempts; a test's returns at once. */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final Topics topics;
    private final int maxBatch;
    private final long maxBytes;
    private final Store store;
    private final Refusals refusals;
    private final Pause pause;
    private final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean stopped;

    public MessageIngest(Topics topics, int maxBatch, long maxBytes, Store store, Refusals refusals, Pause pause) {
        this.topics = topics;
        this.maxBatch = maxBatch;
        this.maxBytes = maxBytes;
        this.store = store;
        this.refusals = refusals;
        this.pause = pause;
    }

    /**
     * Takes a message in. A QoS 1 message waits for room, which holds the broker's connection back; a QoS 0 one is
     * dropped when there is none, as the broker itself drops them under load.
     */
    public void accept(Delivery delivery, boolean acknowledged) throws InterruptedException {
        if (acknowledged) {
            queue.put(delivery);
        } else if (!queue.offer(delivery)) {
            Meters.mqttMessage(Meters.MqttOutcome.DROPPED);
        }
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        List<Delivery> group = new ArrayList<>();
        while (!stopped) {
            try {
                Delivery first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MESSAGES_PER_GROUP - 1);
                handle(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /** Stores, refuses and acknowledges a group of messages, in their order. */
    void handle(List<Delivery> group) throws InterruptedException {
        List<Message> messages = group.stream().map(this::parsed).toList();
        List<Message> parsed = messages.stream().filter(message -> message.batch != null).toList();
        for (List<Message> part : parts(parsed)) {
            storeTogether(part);
        }
        for (Message message : messages) {
            if (message.problem != null) {
                publishRefusal(message);
            }
            message.delivery.acknowledge();
            Meters.mqttMessage(message.problem == null ? Meters.MqttOutcome.STORED : Meters.MqttOutcome.REFUSED);
        }
    }

    /** A message as read: its batch, or the problem that refuses it. */
    private static final class Message {
        final Delivery delivery;
        ReadingBatch batch;
        JsonObjectBuilder problem;

        Message(Delivery delivery) {
            this.delivery = delivery;
        }
    }

    private Message parsed(Delivery delivery) {
        Message message = new Message(delivery);
        try {
            message.batch = read(delivery);
        } catch (RejectedException e) {
            refuse(message, e);
        }
        return message;
    }

    private ReadingBatch read(Delivery delivery) {
        byte[] payload = delivery.payload();
        if (payload.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        ByteArrayInputStream body = new ByteArrayInputStream(payload);
        Topics.Kind kind = topics.kindOf(delivery.topic());
        if (kind instanceof Topics.OfSensor sensor) {
            return ReadingBatchParser.ofSensor(body, sensor.sensorId(), delivery.receivedMicros(), maxBatch);
        }
        if (kind instanceof Topics.Foreign foreign) {
            throw new InvalidReadingsException("The topic " + foreign.why() + ".");
        }
        return isJson(payload) ? ReadingBatchParser.json(body, maxBatch) : ReadingBatchParser.csv(body, maxBatch);
    }

    /** JSON starts with {@code [} or <code>{</code> after any white space; anything else is read as CSV. */
    private static boolean isJson(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '[' || b == '{';
            }
        }
        return false;
    }

    /** Consecutive messages whose readings, together, stay within the batch limit. */
    private List<List<Message>> parts(List<Message> parsed) {
        List<List<Message>> parts = new ArrayList<>();
        List<Message> part = new ArrayList<>();
        int readings = 0;
        for (Message message : parsed) {
            if (!part.isEmpty() && readings + message.batch.size() > maxBatch) {
                parts.add(part);
                part = new ArrayList<>();
                readings = 0;
            }
            part.add(message);
            readings += message.batch.size();
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /** Stores the messages in one transaction, or each alone where that one is refused. */
    private void storeTogether(List<Message> part) throws InterruptedException {
        if (part.size() == 1) {
            storeAlone(part.get(0));
            return;
        }
        ReadingBatch together = new ReadingBatch();
        for (Message message : part) {
            together.addAll(message.batch);
        }
        if (stored(together) != null) {
            for (Message message : part) {
                storeAlone(message);
            }
        }
    }

    private void storeAlone(Message message) throws InterruptedException {
        RuntimeException refused = stored(message.batch);
        if (refused != null) {
            refuse(message, refused);
        }
    }

    /**
     * Stores the batch, waiting out failures that a later attempt may cure. Answers null when it is stored, or the
     * failure that refuses it for good: a rejection, or a failure of the service itself.
     */
    private RuntimeException stored(ReadingBatch batch) throws InterruptedException {
        for (long pauseMillis = FIRST_PAUSE_MILLIS;; pauseMillis = Math.min(2 * pauseMillis, LONGEST_PAUSE_MILLIS)) {
            try {
                store.store(batch);
                return null;
            } catch (RejectedException e) {
                return e;
            } catch (RuntimeException e) {
                if (DatabaseFailure.of(e) == DatabaseFailure.OTHER) {
                    return e;
                }
                Meters.mqttMessage(Meters.MqttOutcome.DEFERRED);
                waitOrStop(pauseMillis);
            }
        }
    }

    private void refuse(Message message, RuntimeException failure) {
        Problem problem;
        if (failure instanceof RejectedException rejected) {
            problem = Problem.of(rejected);
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure storing an MQTT message, incident " + incident, failure);
            problem = Problem.of(Status.INTERNAL_SERVER_ERROR,
                    "The server failed unexpectedly (incident " + incident + ").");
        }
        message.problem = json(problem, message.delivery.topic());
    }

    /** The problem as the REST answer's JSON, with the message's topic. */
    static JsonObjectBuilder json(Problem problem, String topic) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", problem.type()).add("title", problem.title())
                .add("status", problem.status()).add("detail", problem.detail());
        if (problem.errors() != null) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            problem.errors().forEach(error -> errors.add(Json.createObjectBuilder().add("field", error.field())
                    .add("message", error.message())));
            json.add("errors", errors);
        }
        return json.add("topic", topic);
    }

    private void publishRefusal(Message message) throws InterruptedException {
        String problem = message.problem.build().toString();
        for (long pauseMillis = FIRST_PAUSE_MILLIS;; pauseMillis = Math.min(2 * pauseMillis, LONGEST_PAUSE_MILLIS)) {
            try {
                refusals.publish(topics.errors(), problem);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.log(Level.FINE, "The broker took no refusal; trying again", e);
                waitOrStop(pauseMillis);
            }
        }
    }

    private void waitOrStop(long millis) throws InterruptedException {
        if (stopped) {
            throw new InterruptedException("stopped");
        }
        pause.sleep(millis);
    }
}
