package sensorhub.reliability;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import sensorhub.reliability.ApiTraffic.Answer;

/**
 * The load phase: {@code loadClients} clients, each in a thread of a fixed pool, for {@code loadSeconds}, each
 * looping over a random mix of every route without pause. Readings go to shared sensors at instants unique per
 * client, so that every acknowledged reading is known; sensors and keys are created, changed and deleted by each
 * client on its own.
 */
final class LoadPhase {

    static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-01");
    static final long START_MICROS = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000;
    static final String LOCATION = "rel-load";

    private final ReliabilitySettings settings;
    private final ApiTraffic api;
    private final List<String> sensorIds;
    private final AtomicLong lastSlot = new AtomicLong();
    private final List<Client> clients = new ArrayList<>();
    private long deadline;

    LoadPhase(ReliabilitySettings settings, ApiTraffic api, List<String> sensorIds) {
        this.settings = settings;
        this.api = api;
        this.sensorIds = sensorIds;
    }

    static List<String> sensorIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("rel-load-%02d", i));
        }
        return ids;
    }

    void run() throws InterruptedException {
        deadline = System.nanoTime() + settings.loadSeconds() * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(settings.loadClients());
        for (int c = 0; c < settings.loadClients(); c++) {
            Client client = new Client(c);
            clients.add(client);
            pool.execute(client);
        }
        pool.shutdown();
        if (!pool.awaitTermination(settings.loadSeconds() + 3L * settings.hangSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("Load clients did not stop after their deadline");
        }
        for (Client client : clients) {
            if (client.failure != null) {
                throw new IllegalStateException("A load client failed", client.failure);
            }
        }
    }

    /** What became of every client's batches. */
    Ledger ledger() {
        return Ledger.merged(clients.stream().map(c -> c.ledger).toList());
    }

    private final class Client implements Runnable {

        private final int index;
        private final Random random;
        private final Ledger ledger = new Ledger();
        private long seq;
        private int sensorStep;
        private int sensorsMade;
        private int keyStep;
        private int keysMade;
        private String keyId;
        private volatile Throwable failure;

        Client(int index) {
            this.index = index;
            this.random = new Random(index);
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < deadline) {
                    step(random.nextInt(100));
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        private void step(int dice) {
            if (dice < 30) {
                ingest(false);
            } else if (dice < 42) {
                ingest(true);
            } else if (dice < 51) {
                api.get(Route.DAY_VALUES, "sensor_values/" + sensor() + "/" + day());
            } else if (dice < 59) {
                long from = START_MICROS + (long) (random.nextDouble() * lastSlot.get()) * 1_000_000;
                api.get(Route.VALUES_RANGE, "sensors/" + sensor() + "/values?from=" + Batch.iso(from) + "&to="
                        + Batch.iso(from + 3_600_000_000L));
            } else if (dice < 69) {
                api.get(Route.DAY_AGGREGATION, "daily_aggregations/" + sensor() + "/" + day());
            } else if (dice < 75) {
                LocalDate from = day();
                api.get(Route.AGGREGATION_RANGE, "sensors/" + sensor() + "/daily_aggregations?from=" + from + "&to="
                        + from.plusDays(6));
            } else if (dice < 80) {
                api.get(Route.LIST_SENSORS, "sensors?location=" + LOCATION + "&limit=50");
            } else if (dice < 86) {
                api.get(Route.GET_SENSOR, "sensors/" + sensor());
            } else if (dice < 95) {
                changeOwnSensor();
            } else {
                changeOwnKey();
            }
        }

        private void ingest(boolean csv) {
            int sensor = random.nextInt(sensorIds.size());
            int size = settings.minBatch() + random.nextInt(settings.maxBatch() - settings.minBatch() + 1);
            Batch batch = Batch.next(sensor, sensorIds.get(sensor), size, START_MICROS, index,
                    settings.loadClients(), seq, random);
            seq += size;
            lastSlot.accumulateAndGet(seq * settings.loadClients(), Math::max);
            Answer answer = csv
                    ? api.post(Route.POST_READINGS_CSV, "sensor_values", "text/csv", batch.csv())
                    : api.post(Route.POST_READINGS_JSON, "sensor_values", "application/json", batch.json());
            ledger.settle(batch, answer);
        }

        /** Create, replace, patch, delete: one step a call, each creation under a new id. */
        private void changeOwnSensor() {
            if (sensorStep == 0) {
                sensorsMade++;
            }
            String id = "rel-crud-" + index + "-" + sensorsMade;
            String body = "{\"id\":\"" + id + "\",\"name\":\"crud " + index + "\",\"type\":\"humidity\","
                    + "\"unit\":\"%\",\"location\":\"rel-crud\"}";
            switch (sensorStep) {
                case 0 -> {
                    if (api.post(Route.CREATE_SENSORS, "sensors", "application/json", "[" + body + "]").status()
                            == 201) {
                        sensorStep = 1;
                    }
                }
                case 1 -> {
                    api.put(Route.PUT_SENSOR, "sensors/" + id, body.replace("crud ", "replaced "));
                    sensorStep = 2;
                }
                case 2 -> {
                    api.patch(Route.PATCH_SENSOR, "sensors/" + id, "{\"name\":\"patched " + index + "\"}");
                    sensorStep = 3;
                }
                default -> {
                    api.delete(Route.DELETE_SENSOR, "sensors/" + id);
                    sensorStep = 0;
                }
            }
        }

        private void changeOwnKey() {
            switch (keyStep) {
                case 0 -> {
                    keysMade++;
                    Answer created = api.post(Route.CREATE_KEY, "api_keys", "application/json",
                            "{\"name\":\"rel-key-" + index + "-" + keysMade + "\",\"permissions\":[\"read\"]}");
                    if (created.status() == 201) {
                        keyId = created.object().getJsonNumber("id").toString();
                        keyStep = 1;
                    }
                }
                case 1 -> {
                    api.get(Route.LIST_KEYS, "api_keys");
                    keyStep = 2;
                }
                default -> {
                    api.delete(Route.DELETE_KEY, "api_keys/" + keyId);
                    keyStep = 0;
                }
            }
        }

        private String sensor() {
            return sensorIds.get(random.nextInt(sensorIds.size()));
        }

        /** A day that has readings by now. */
        private LocalDate day() {
            long days = lastSlot.get() / 86_400;
            return FIRST_DAY.plusDays(days == 0 ? 0 : random.nextLong(days + 1));
        }
    }
}
