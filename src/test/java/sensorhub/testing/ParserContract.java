package sensorhub.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every fuzz target asks of a parser of untrusted input: it ends within {@link #LIMIT_SECONDS} on any
 * input, and fails only with the exceptions it documents. Any other exception is rethrown as it is, so that
 * the fuzzer tells findings apart by their stack traces. A parser that spins keeps its thread (Java cannot
 * stop it); the next input gets a fresh one.
 */
public final class ParserContract {

    /** How long a fuzz run of one target lasts under {@code -Pfuzz}; the profile's total time follows from it. */
    public static final String FUZZ_TIME = "10s";
    static final long LIMIT_SECONDS = 2;

    private static ExecutorService worker = newWorker();

    private ParserContract() {
    }

    /**
     * The parser's answer, or empty where it refused the input with one of the documented exceptions.
     * Assertions inside the parse call fail the target like any undocumented exception.
     */
    @SafeVarargs
    public static synchronized <T> Optional<T> outcome(Callable<T> parse,
            Class<? extends Exception>... documented) throws Exception {
        Future<T> run = worker.submit(parse);
        try {
            return Optional.ofNullable(run.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            run.cancel(true);
            worker = newWorker();
            return fail("did not end within " + LIMIT_SECONDS + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (List.of(documented).stream().anyMatch(kind -> kind.isInstance(cause))) {
                return Optional.empty();
            }
            throw ParserContract.<Exception>sneaky(cause);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable thrown) throws E {
        throw (E) thrown;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "parser-under-test");
            thread.setDaemon(true);
            return thread;
        });
    }
}
