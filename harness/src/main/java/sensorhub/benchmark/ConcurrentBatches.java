package sensorhub.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An ingest as every path and peer runs it: prepared batches sent by several clients at once, each client taking
 * the next unsent batch without pause, until none is left.
 */
final class ConcurrentBatches {

    private ConcurrentBatches() {
    }

    /** One client's way of writing a batch; answers how many readings the other side says it stored. */
    @FunctionalInterface
    interface Client<T> {
        long write(T batch) throws Exception;
    }

    /**
     * What a round waits for once its last batch is answered, inside its time: a peer that answers a write before
     * the rows can be queried makes them queryable.
     */
    @FunctionalInterface
    interface Visible {
        void await(long writtenSoFar) throws Exception;
    }

    /** A request body rendered before the clock starts, and how many readings it holds. */
    record Body(byte[] bytes, int readings) {

        /** The series' batches as {@code render} writes them. */
        static List<Body> of(List<ReadingSeries> series, int batchSize, Function<ReadingSeries.Slice, byte[]> render) {
            return of(ReadingSeries.interleaved(series, batchSize), render);
        }

        /** The batches of each of {@code rounds} rounds of the series ({@link ReadingSeries#rounds}), rendered. */
        static List<List<Body>> ofRounds(List<ReadingSeries> series, int batchSize, int rounds,
                Function<ReadingSeries.Slice, byte[]> render) {
            return ReadingSeries.rounds(series, batchSize, rounds).stream().map(round -> of(round, render)).toList();
        }

        /** The slices as {@code render} writes them. */
        static List<Body> of(List<ReadingSeries.Slice> slices, Function<ReadingSeries.Slice, byte[]> render) {
            return slices.stream().map(slice -> new Body(render.apply(slice), slice.size())).toList();
        }
    }

    /** What an ingest did: readings written, wall time, and each batch's time. */
    record Sent(long written, long nanos, Latencies batchMillis) {

        double perSecond() {
            return written / (nanos / 1e9);
        }
    }

    /**
     * A timed ingest in rounds of equal size, one after the other: a round lasts about a second on this machine,
     * too short for one to speak for a path, so the round of median rate does.
     */
    record Rounds(List<Sent> each) {

        Sent median() {
            List<Sent> byRate = new ArrayList<>(each);
            byRate.sort(Comparator.comparingDouble(Sent::perSecond));
            return byRate.get((byRate.size() - 1) / 2);
        }

        long written() {
            return each.stream().mapToLong(Sent::written).sum();
        }

        /** Every round's batches together. */
        Latencies batchMillis() {
            return Latencies.of(each.stream().flatMapToDouble(round -> Arrays.stream(round.batchMillis()
                    .sortedMillis())).boxed().toList());
        }

        /** Readings a second over all rounds, the time between rounds left out. */
        double perSecond() {
            return written() / (each.stream().mapToLong(Sent::nanos).sum() / 1e9);
        }

        /** Each round's rate in order, "812,345 / 790,210 / ...". */
        String rates() {
            return each.stream().map(round -> String.format(Locale.ROOT, "%,.0f", round.perSecond()))
                    .collect(Collectors.joining(" / "));
        }
    }

    /** Sends each round's batches as {@link #send} does, the rounds one after the other. */
    static <T> Rounds sendInRounds(List<? extends Client<T>> clients, List<List<T>> rounds) throws Exception {
        return sendInRounds(clients, rounds, writtenSoFar -> { });
    }

    /** As above, each round lasting until {@code visible} returns after its last answer. */
    static <T> Rounds sendInRounds(List<? extends Client<T>> clients, List<List<T>> rounds, Visible visible)
            throws Exception {
        List<Sent> sent = new ArrayList<>();
        long written = 0;
        for (List<T> round : rounds) {
            Sent batches = send(clients, round);
            written += batches.written();
            long waiting = System.nanoTime();
            visible.await(written);
            sent.add(new Sent(batches.written(), batches.nanos() + System.nanoTime() - waiting,
                    batches.batchMillis()));
        }
        return new Rounds(sent);
    }

    /** Sends {@code batches} from one thread per client; clients that share nothing get one object each. */
    static <T> Sent send(List<? extends Client<T>> clients, List<T> batches) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Double> batchMillis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        try {
            long start = System.nanoTime();
            List<Future<Long>> written = new ArrayList<>();
            for (Client<T> client : clients) {
                written.add(threads.submit(() -> {
                    long count = 0;
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        count += client.write(batches.get(i));
                        batchMillis.add((System.nanoTime() - sent) / 1e6);
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> client : written) {
                total += client.get(1, TimeUnit.HOURS);
            }
            return new Sent(total, System.nanoTime() - start, Latencies.of(batchMillis));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * {@code count} clients on one HttpClient, each batch one POST of its body to {@code uri}, stored once answered
     * 204: InfluxDB's {@code /write}, which VictoriaMetrics and QuestDB answer alike.
     */
    static List<Client<Body>> posting(HttpClient http, URI uri, String system, int count) {
        Client<Body> client = body -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                    .POST(BodyPublishers.ofByteArray(body.bytes())).build(), BodyHandlers.ofString());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException(system + " refused a batch: " + answer.statusCode() + " "
                        + answer.body());
            }
            return body.readings();
        };
        return shared(client, count);
    }

    /** The same client {@code count} times, for clients that are safe to share (an HttpClient). */
    static <T> List<Client<T>> shared(Client<T> client, int count) {
        return Collections.nCopies(count, client);
    }
}
