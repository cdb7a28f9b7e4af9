package sensorhub.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * CPU seconds of a peer's processes from {@code /proc/<pid>/stat}: user and system time, and those of its children
 * that have ended and been waited for (so a PostgreSQL autovacuum worker that came and went during an ingest is
 * counted in the postmaster's). Processes that are gone count nothing; a difference of two readings is the use
 * between them.
 */
final class ProcessCpu {

    /** Linux counts /proc/<pid>/stat in USER_HZ, 100 a second on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** utime + stime + cutime + cstime of the processes, in seconds. */
    static double seconds(Collection<Long> pids) {
        return pids.stream().mapToDouble(ProcessCpu::seconds).sum();
    }

    static double seconds(long pid) {
        try {
            return seconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), 17);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * user + system time of the JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"), in seconds:
     * the part of a server's CPU that goes into compiling its code rather than running it. A compiler thread that
     * HotSpot ended meanwhile (it starts and stops them as the queue grows and shrinks) takes its time with it.
     */
    static double compilerSeconds(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.mapToDouble(ProcessCpu::compilerThreadSeconds).sum();
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }

    private static double compilerThreadSeconds(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.matches("C[12] CompilerThre.*")) {
                return 0;
            }
            return seconds(stat, 15);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * The sum of a {@code stat} line's fields 14 (utime) to {@code lastField} (15 stime, 16 cutime, 17 cstime), in
     * seconds. The command name (field 2) may hold spaces; the fields after it are plain numbers.
     */
    private static double seconds(String stat, int lastField) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = 0;
        for (int field = 14; field <= lastField; field++) {
            ticks += Long.parseLong(fields[field - 3]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The CPU seconds this JVM (the benchmark's clients) has used. */
    static double client() {
        return seconds(ProcessHandle.current().pid());
    }
}
