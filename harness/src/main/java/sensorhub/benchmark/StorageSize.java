package sensorhub.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a store holds for a number of readings, as each store counts it: MariaDB its tables' data and index
 * lengths, PostgreSQL its relation sizes, InfluxDB the blocks its files take on disk.
 */
record StorageSize(long bytes, long readings) {

    double perReading() {
        return (double) bytes / readings;
    }

    /** The size added between {@code earlier} and this one, for the readings written in between. */
    StorageSize since(StorageSize earlier, long readingsWritten) {
        return new StorageSize(bytes - earlier.bytes, readingsWritten);
    }

    /** "12.3 B (12.3 MiB for 1,000,000)". */
    String describe() {
        return String.format(Locale.ROOT, "%.1f B (%.1f MiB for %,d)", perReading(), bytes / 1048576d, readings);
    }

    /**
     * Bytes the files under {@code directory} take on disk ({@code du -s -B1}): InfluxDB's series file is sparse,
     * 4 MiB a partition in name and a few KiB in blocks, so file lengths would overstate it.
     */
    static long onDisk(Path directory) throws IOException, InterruptedException {
        if (!Files.exists(directory)) {
            return 0;
        }
        Process du = new ProcessBuilder("du", "-s", "-B1", directory.toString()).redirectErrorStream(true).start();
        String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!du.waitFor(60, TimeUnit.SECONDS) || du.exitValue() != 0) {
            throw new IOException("du " + directory + " failed: " + output);
        }
        return Long.parseLong(output.trim().split("\\s+")[0]);
    }

    /** The sum of the lengths of the files under {@code directory}. */
    static long fileLengths(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
