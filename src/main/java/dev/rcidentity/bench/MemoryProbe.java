package dev.rcidentity.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** This JVM's resident set (from /proc/self/status) and heap (from the MemoryMXBean). */
record MemoryProbe(long rssBytes, long rssAnonBytes, long rssFileBytes, long heapUsedBytes, long heapCommittedBytes,
                   long heapMaxBytes) {
    static final double MIB = 1024.0 * 1024.0;

    static MemoryProbe now() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Map<String, Long> status = status(Path.of("/proc/self/status"));
        return new MemoryProbe(status.getOrDefault("VmRSS", -1L), status.getOrDefault("RssAnon", -1L),
                status.getOrDefault("RssFile", -1L), memory.getHeapMemoryUsage().getUsed(),
                memory.getHeapMemoryUsage().getCommitted(), memory.getHeapMemoryUsage().getMax());
    }

    /**
     * After a full collection, so that heap used is what is live, not what is waiting to be collected; G1 returns
     * the freed regions to the system shortly after, hence the pause.
     */
    static MemoryProbe afterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(2000);
        return now();
    }

    /** The memory lines of a process's /proc/<pid>/status in bytes (empty when not on Linux or the process is gone). */
    static Map<String, Long> status(Path procStatus) {
        Map<String, Long> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(procStatus)) {
                if (line.endsWith(" kB")) {
                    String key = line.substring(0, line.indexOf(':'));
                    values.put(key, Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: reported as unknown
        }
        return values;
    }

    double rssMiB() {
        return rssBytes < 0 ? Double.NaN : rssBytes / MIB;
    }

    double heapUsedMiB() {
        return heapUsedBytes / MIB;
    }

    String describe() {
        return String.format("RSS %.0f MiB (anonymous %.0f, files %.0f), heap used %.0f MiB of %.0f MiB committed "
                + "(max %.0f MiB)", rssMiB(), rssAnonBytes / MIB, rssFileBytes / MIB, heapUsedMiB(),
                heapCommittedBytes / MIB, heapMaxBytes / MIB);
    }
}
