package sensorhub.mqtt.boundary;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sensorhub.mqtt.control.Topics;
import sensorhub.readings.boundary.Readings;
import sensorhub.sensors.entity.Door;
import sensorhub.time.control.EpochMicros;

/**
 * The service's MQTT connection, made when the application starts if {@code sensors.mqtt.url} names a broker: an
 * MQTT 3.1.1 session kept by the broker under a stable client id (clean session off), so that messages it delivered
 * and the service did not acknowledge come again after any reconnect; QoS 1 subscriptions of its own, or shared by
 * the instances of {@code sensors.mqtt.share-group} (see {@link Topics}); reconnects with a backoff of 1 s doubling
 * to 30 s, each time with a client of its own (see {@link #connect}). MQTT 3.1.1 rather than 5: the broker's
 * in-flight window is then its own setting, while an MQTT 5 receive maximum that differs from the one a
 * session was made with makes Mosquitto 2.0 resend more than it allows, and the client drops the connection. Every
 * message goes to {@link MessageIngest} on one thread of the server's own.
 */
@ApplicationScoped
public class MqttSubscriber {

    private static final Logger LOG = Logger.getLogger(MqttSubscriber.class.getName());
    static final long PUBLISH_TIMEOUT_SECONDS = 10;

    @Inject
    @ConfigProperty(name = "sensors.mqtt.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "sensors.mqtt.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "sensors.mqtt.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "sensors.mqtt.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "sensors.mqtt.topic-prefix")
    String prefix;

    @Inject
    @ConfigProperty(name = "sensors.mqtt.share-group")
    Optional<String> shareGroup;

    @Inject
    @ConfigProperty(name = "sensors.readings.max-batch")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "sensors.readings.max-body-bytes")
    long maxBytes;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    Readings readings;

    @Inject
    Clock clock;

    static final long FIRST_RECONNECT_DELAY_MILLIS = 1000;
    static final long MAX_RECONNECT_DELAY_MILLIS = 30_000;

    private volatile Mqtt3AsyncClient client;
    private volatile boolean stopping;
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private Topics topics;
    private MessageIngest ingest;
    private Thread worker;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (url.filter(u -> !u.isBlank()).isEmpty()) {
            return;
        }
        topics = new Topics(prefix, shareGroup.map(String::trim).orElse(""));
        ingest = new MessageIngest(topics, maxBatch, maxBytes, batch -> readings.store(batch, Door.MQTT), this::publish,
                Thread::sleep);
        worker = threads.newThread(ingest);
        worker.setName("sensorhub-mqtt-ingest");
        worker.start();
        connect();
    }

    /**
     * Connects with a new client, resuming the session the broker keeps under the client id. Each connection gets a
     * client of its own because HiveMQ's client 1.4 sends no PUBACK for a message the broker redelivers after the
     * client's own automatic reconnect when acknowledgement is manual (hivemq/hivemq-mqtt-client#526, #796): the
     * broker's in-flight window then never empties and it delivers nothing more. The MQTT fault check saw exactly
     * that after a broker restart: both instances connected, 55,000 acknowledged readings left in the broker. A
     * message of a lost connection that is still in the ingest queue is stored all the same; its acknowledgement
     * goes nowhere, and the broker sends it again to the new client, where it is stored unchanged.
     */
    private void connect() {
        if (stopping) {
            return;
        }
        Mqtt3AsyncClient next = builder(URI.create(url.get().trim())).addDisconnectedListener(context -> {
            if (!stopping && context.getSource() != MqttDisconnectSource.USER) {
                long delay = Math.min(MAX_RECONNECT_DELAY_MILLIS,
                        FIRST_RECONNECT_DELAY_MILLIS << Math.min(failedAttempts.getAndIncrement(), 5));
                LOG.info(() -> "MQTT: no connection to " + url.get() + " (" + context.getCause()
                        + "); connecting again in " + delay + " ms");
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(this::connect);
            }
        }).buildAsync();
        // before connecting, so that messages the broker kept for this session are taken as soon as it is resumed
        next.publishes(MqttGlobalPublishFilter.ALL, this::received, true);
        client = next;
        next.connectWith().cleanSession(false).send().thenCompose(connected -> next.subscribe(subscriptions(topics)))
                .whenComplete((subscribed, failure) -> {
                    if (failure == null) {
                        failedAttempts.set(0);
                        LOG.info(() -> "Subscribed to " + topics.subscriptions() + " at " + url.get() + " as "
                                + next.getConfig().getClientIdentifier().map(Object::toString).orElse("?"));
                    } else if ((failure instanceof CompletionException wrapped ? wrapped.getCause() : failure)
                            instanceof Mqtt3SubAckException refused) {
                        // connected, but the broker refused the subscriptions (an ACL, say): nothing will arrive
                        LOG.warning(() -> "MQTT: " + url.get() + " refused the subscriptions " + topics.subscriptions()
                                + ": " + refused.getMessage());
                    }
                });
    }

    private Mqtt3ClientBuilder builder(URI broker) {
        boolean tls = "ssl".equals(broker.getScheme()) || "mqtts".equals(broker.getScheme());
        Mqtt3ClientBuilder builder = Mqtt3Client.builder().identifier(clientId.filter(id -> !id.isBlank())
                .orElseGet(MqttSubscriber::hostClientId)).serverHost(broker.getHost())
                .serverPort(broker.getPort() > 0 ? broker.getPort() : tls ? 8883 : 1883);
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        if (username.isPresent()) {
            builder = builder.simpleAuth().username(username.get())
                    .password(password.orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        return builder;
    }

    /** A client id stable across restarts of this host's instance, where none is configured. */
    private static String hostClientId() {
        try {
            return "sensorhub-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "sensorhub";
        }
    }

    private static Mqtt3Subscribe subscriptions(Topics topics) {
        return Mqtt3Subscribe.builder().addSubscriptions(topics.subscriptions().stream().map(filter ->
                Mqtt3Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build())).build();
    }

    private void received(Mqtt3Publish publish) {
        long micros = EpochMicros.of(clock.instant());
        boolean acknowledged = publish.getQos() != MqttQos.AT_MOST_ONCE;
        Delivery delivery = new Delivery() {
            @Override
            public String topic() {
                return publish.getTopic().toString();
            }

            @Override
            public byte[] payload() {
                return publish.getPayloadAsBytes();
            }

            @Override
            public long receivedMicros() {
                return micros;
            }

            @Override
            public void acknowledge() {
                try {
                    publish.acknowledge();
                } catch (IllegalStateException e) {
                    // a message of a connection since lost: the broker sends it again, and it is stored unchanged
                }
            }
        };
        try {
            ingest.accept(delivery, acknowledged);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(String topic, String problem) throws Exception {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(problem.getBytes(StandardCharsets.UTF_8))
                .send().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The connection's state, for the health check; empty when MQTT is off. */
    public Optional<MqttClientState> state() {
        return Optional.ofNullable(client).map(c -> c.getState());
    }

    @PreDestroy
    void stop() {
        if (client == null) {
            return;
        }
        stopping = true;
        ingest.stop();
        worker.interrupt();
        client.disconnect();
    }
}
