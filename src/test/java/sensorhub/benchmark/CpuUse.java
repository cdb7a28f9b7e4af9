package sensorhub.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Who used the machine's cores between two moments: the server, MariaDB, this client, and everything else. The
 * machine is shared, so a figure means little without knowing how much of it the benchmark had; and the split
 * shows which side is the bottleneck.
 */
record CpuUse(long nanoTime, double machineSeconds, double serverSeconds, double mariadbSeconds,
        double clientSeconds) {

    /** Linux counts /proc/stat in USER_HZ, 100 a second on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    static CpuUse now(long serverPid) {
        return new CpuUse(System.nanoTime(), machineBusySeconds(), cpuSeconds(ProcessHandle.of(serverPid).orElse(null)),
                ProcessHandle.allProcesses().filter(CpuUse::isMariadb).mapToDouble(CpuUse::cpuSeconds).sum(),
                cpuSeconds(ProcessHandle.current()));
    }

    /** "server 1.31, MariaDB 0.52, client 0.08, other 0.04 of 2 cores", averaged since {@code earlier}. */
    String since(CpuUse earlier) {
        double wall = (nanoTime - earlier.nanoTime) / 1e9;
        double server = (serverSeconds - earlier.serverSeconds) / wall;
        double mariadb = (mariadbSeconds - earlier.mariadbSeconds) / wall;
        double client = (clientSeconds - earlier.clientSeconds) / wall;
        double other = Math.max(0, (machineSeconds - earlier.machineSeconds) / wall - server - mariadb - client);
        return String.format(Locale.ROOT, "server %.2f, MariaDB %.2f, client %.2f, other %.2f of %d cores",
                server, mariadb, client, other, Runtime.getRuntime().availableProcessors());
    }

    private static boolean isMariadb(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false);
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** Seconds all cores together spent on anything but idling (or being stolen by the hypervisor), from /proc/stat. */
    private static double machineBusySeconds() {
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
