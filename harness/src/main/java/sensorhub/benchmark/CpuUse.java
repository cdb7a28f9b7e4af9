package sensorhub.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Who used the machine's cores between two moments: the server, MariaDB, this client, and everything else. The
 * machine is shared, so a figure means little without knowing how much of it the benchmark had; and the split
 * shows which side is the bottleneck. A value is either the counters at one moment ({@link #now}), or the use over
 * an interval ({@link #since}), whose {@code nanoTime} is then the interval's length.
 */
record CpuUse(long nanoTime, double machineSeconds, double serverSeconds, double serverCompilerSeconds,
        double mariadbSeconds, double clientSeconds) {

    /** Linux counts /proc/stat in USER_HZ, 100 a second on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    static CpuUse now(long serverPid) {
        return new CpuUse(System.nanoTime(), machineBusySeconds(), cpuSeconds(ProcessHandle.of(serverPid).orElse(null)),
                ProcessCpu.compilerSeconds(serverPid),
                ProcessHandle.allProcesses().filter(CpuUse::isMariadb).mapToDouble(CpuUse::cpuSeconds).sum(),
                cpuSeconds(ProcessHandle.current()));
    }

    /** The use between {@code earlier} and this moment. */
    CpuUse since(CpuUse earlier) {
        return new CpuUse(nanoTime - earlier.nanoTime, machineSeconds - earlier.machineSeconds,
                serverSeconds - earlier.serverSeconds, serverCompilerSeconds - earlier.serverCompilerSeconds,
                mariadbSeconds - earlier.mariadbSeconds,
                clientSeconds - earlier.clientSeconds);
    }

    /** Of a use {@link #since}: "server 1.31, MariaDB 0.52, client 0.08, other 0.04 of 2 cores", on average. */
    String cores() {
        double wall = nanoTime / 1e9;
        double other = Math.max(0, machineSeconds - serverSeconds - mariadbSeconds - clientSeconds);
        return String.format(Locale.ROOT, "server %.2f, MariaDB %.2f, client %.2f, other %.2f of %d cores",
                serverSeconds / wall, mariadbSeconds / wall, clientSeconds / wall, other / wall,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Of a use {@link #since}: CPU seconds per million rows written, "server 1.7 s (JIT compiler 0.4 s), MariaDB
     * 0.3 s, client 0.5 s". Unlike a rate, this hardly depends on what else the machine is doing.
     */
    String perMillion(long rows) {
        double scale = 1e6 / rows;
        return String.format(Locale.ROOT, "server %.1f s (JIT compiler %.1f s), MariaDB %.1f s, client %.1f s",
                serverSeconds * scale, serverCompilerSeconds * scale, mariadbSeconds * scale, clientSeconds * scale);
    }

    private static boolean isMariadb(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false);
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** Seconds all cores together spent on anything but idling (or being stolen by the hypervisor), from /proc/stat. */
    static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 7; i++) {
                boolean idle = i == 4 || i == 5;
                busy += idle ? 0 : Long.parseLong(fields[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
