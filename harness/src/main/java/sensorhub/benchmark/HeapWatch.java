package sensorhub.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server's heap, sampled once a second by {@code jstat -gc} in a process of its own: jstat reads the JVM's
 * shared performance counters, so watching costs the server nothing. Used heap includes garbage not yet collected;
 * {@link #liveAfterFullGc()} tells what is really held.
 */
final class HeapWatch implements AutoCloseable {

    /** Heap used and committed in KiB, and seconds spent in GC since the server started, at one moment. */
    record Sample(long nanoTime, long usedKib, long committedKib, double gcSeconds) {
    }

    /** The most heap used and committed over a stretch of time, in KiB, and the seconds spent in GC during it. */
    record Peak(long usedKib, long committedKib, double gcSeconds) {
    }

    private final Path jdkBin;
    private final long pid;
    private final Process jstat;
    private volatile Sample latest;
    /** Every sample, one a second: a few thousand in a run, kept so that a stretch's peak can be told afterwards. */
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private volatile long peakUsedKib;
    private volatile long peakCommittedKib;

    private HeapWatch(Path jdkBin, long pid) throws IOException {
        this.jdkBin = jdkBin;
        this.pid = pid;
        this.jstat = new ProcessBuilder(jdkBin.resolve("jstat").toString(), "-gc", Long.toString(pid), "1000")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(this::readSamples, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static HeapWatch of(Path jdkBin, long pid) throws IOException {
        return new HeapWatch(jdkBin, pid);
    }

    private void readSamples() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
            List<String> columns = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.trim().split("\\s+");
                if (fields[0].equals("S0C")) {
                    columns = Arrays.asList(fields);
                } else if (columns != null && fields.length == columns.size()) {
                    record(parse(columns, fields));
                }
            }
        } catch (IOException e) {
            // jstat ends when the server does; nothing more to sample.
        }
    }

    private static Sample parse(List<String> columns, String[] fields) {
        double used = 0;
        double committed = 0;
        for (String space : List.of("S0", "S1", "E", "O")) {
            used += kib(columns, fields, space + "U");
            committed += kib(columns, fields, space + "C");
        }
        return new Sample(System.nanoTime(), Math.round(used), Math.round(committed), kib(columns, fields, "GCT"));
    }

    private static double kib(List<String> columns, String[] fields, String column) {
        String field = fields[columns.indexOf(column)];
        return field.equals("-") ? 0 : Double.parseDouble(field);
    }

    private void record(Sample sample) {
        samples.add(sample);
        latest = sample;
        peakUsedKib = Math.max(peakUsedKib, sample.usedKib());
        peakCommittedKib = Math.max(peakCommittedKib, sample.committedKib());
    }

    /** The newest sample taken after {@code afterNanoTime}, waiting up to five seconds for one. */
    Sample sampleAfter(long afterNanoTime) throws InterruptedException {
        for (int wait = 0; wait < 50; wait++) {
            Sample sample = latest;
            if (sample != null && sample.nanoTime() > afterNanoTime) {
                return sample;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("jstat gave no heap sample; is it running? " + jstat.isAlive());
    }

    Sample now() throws InterruptedException {
        return sampleAfter(System.nanoTime());
    }

    /**
     * The peak from {@code fromNanoTime} to the first sample after {@code toNanoTime} (waited for), so that the
     * second in which the work ended counts. jstat samples once a second: a shorter spike may fall between samples.
     */
    Peak peakBetween(long fromNanoTime, long toNanoTime) throws InterruptedException {
        Sample last = sampleAfter(toNanoTime);
        Sample before = null;
        long used = 0;
        long committed = 0;
        for (Sample sample : samples) {
            if (sample.nanoTime() < fromNanoTime) {
                before = sample;
            } else if (sample.nanoTime() <= last.nanoTime()) {
                used = Math.max(used, sample.usedKib());
                committed = Math.max(committed, sample.committedKib());
            }
        }
        return new Peak(used, committed, last.gcSeconds() - (before == null ? 0 : before.gcSeconds()));
    }

    long peakUsedKib() {
        return peakUsedKib;
    }

    long peakCommittedKib() {
        return peakCommittedKib;
    }

    /** Heap in use after a full collection (jcmd GC.run): what the server really holds at this point. */
    Sample liveAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        return now();
    }

    /** The garbage collector the server runs, from its flags, e.g. "G1". */
    String collector() throws IOException, InterruptedException {
        String flags = jcmd("VM.flags");
        for (String gc : List.of("G1", "Serial", "Parallel", "Z", "Shenandoah", "Epsilon")) {
            if (flags.contains("+Use" + gc + "GC")) {
                return gc;
            }
        }
        return "unknown";
    }

    /** Runs jcmd on the server, its output in a file so that a hung jcmd cannot hang the benchmark. */
    private String jcmd(String command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("benchmark-jcmd", ".txt");
        Process process = new ProcessBuilder(jdkBin.resolve("jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            String text = Files.readString(output);
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + text);
            }
            return text;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
