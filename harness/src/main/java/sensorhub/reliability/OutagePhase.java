package sensorhub.reliability;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The outage phase: {@code outageClients} clients ingest (and {@code outageReaders} of them read) while the private
 * MariaDB is killed with SIGKILL, kept down, and restarted on the same data. Ingest clients treat a 503, a broken
 * connection or a timeout as "retry later" and send the same batch again until it is acknowledged or the phase ends;
 * only acknowledged batches count as acknowledged.
 */
final class OutagePhase {

    static final LocalDate FIRST_DAY = LocalDate.parse("2026-06-01");
    static final long START_MICROS = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000;

    /** When things happened, as {@link System#nanoTime()}. */
    record Timeline(long start, long killed, long restarted, long accepting, long end) {
    }

    private final ReliabilitySettings settings;
    private final ApiTraffic api;
    private final PrivateMariaDb database;
    private final List<String> sensorIds;
    private final BatchSender sender;
    private final List<Client> clients = new ArrayList<>();
    private volatile boolean stopped;

    OutagePhase(ReliabilitySettings settings, ApiTraffic api, PrivateMariaDb database, List<String> sensorIds) {
        this.settings = settings;
        this.api = api;
        this.database = database;
        this.sender = new BatchSender(api, settings.retryPauseMillis(), () -> stopped);
        this.sensorIds = sensorIds;
    }

    static List<String> sensorIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("rel-outage-%02d", i));
        }
        return ids;
    }

    Timeline run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.outageClients());
        long start = System.nanoTime();
        long killed = 0;
        long restarted = 0;
        long accepting = 0;
        try {
            for (int c = 0; c < settings.outageClients(); c++) {
                Client client = new Client(c, c < settings.outageReaders());
                clients.add(client);
                pool.execute(client);
            }
            Thread.sleep(settings.outageUpSeconds() * 1000L);
            killed = System.nanoTime();
            database.kill();
            Thread.sleep(settings.outageDownSeconds() * 1000L);
            restarted = System.nanoTime();
            database.restart();
            accepting = database.awaitAccepting(120_000);
            Thread.sleep(settings.outageAfterSeconds() * 1000L);
        } finally {
            stopped = true;
            pool.shutdown();
            if (!pool.awaitTermination(3L * settings.hangSeconds(), TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
        for (Client client : clients) {
            if (client.failure != null) {
                throw new IllegalStateException("An outage client failed", client.failure);
            }
        }
        return new Timeline(start, killed, restarted, accepting, System.nanoTime());
    }

    /** What became of every client's batches. */
    Ledger ledger() {
        return Ledger.merged(clients.stream().map(c -> c.ledger).toList());
    }

    /** Batches sent again after a 503, a broken connection, a timeout or another 5xx. */
    int retries() {
        return sender.retried();
    }

    private final class Client implements Runnable {

        private final int index;
        private final boolean reader;
        private final Random random;
        private final Ledger ledger = new Ledger();
        private long seq;
        private volatile Throwable failure;

        Client(int index, boolean reader) {
            this.index = index;
            this.reader = reader;
            this.random = new Random(1000 + index);
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    if (reader) {
                        read();
                    } else {
                        ingest();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        private void read() throws InterruptedException {
            String sensor = sensorIds.get(random.nextInt(sensorIds.size()));
            switch (random.nextInt(3)) {
                case 0 -> api.get(Route.GET_SENSOR, "sensors/" + sensor);
                case 1 -> api.get(Route.DAY_AGGREGATION, "daily_aggregations/" + sensor + "/" + FIRST_DAY);
                default -> api.get(Route.DAY_VALUES, "sensor_values/" + sensor + "/" + FIRST_DAY);
            }
            Thread.sleep(50);
        }

        /** One batch, sent until acknowledged, refused for good (4xx), or the phase ends. */
        private void ingest() throws InterruptedException {
            int sensor = random.nextInt(sensorIds.size());
            Batch batch = Batch.next(sensor, sensorIds.get(sensor), 10 + random.nextInt(191), START_MICROS, index,
                    settings.outageClients(), seq, random);
            seq += batch.size();
            sender.send(batch, random.nextInt(4) == 0, ledger);
            Thread.sleep(10);
        }
    }
}
