package dev.rcidentity.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This JVM's resident set (from /proc/self/status) and heap (from the MemoryMXBean). */
record MemoryProbe(long rssBytes, long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes) {
    static final double MIB = 1024.0 * 1024.0;

    static MemoryProbe now() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return new MemoryProbe(rss(), memory.getHeapMemoryUsage().getUsed(), memory.getHeapMemoryUsage().getCommitted(),
                memory.getHeapMemoryUsage().getMax());
    }

    /** After a full collection, so that heap used is what is live, not what is waiting to be collected. */
    static MemoryProbe afterGc() {
        System.gc();
        return now();
    }

    private static long rss() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: reported as unknown
        }
        return -1;
    }

    double rssMiB() {
        return rssBytes < 0 ? Double.NaN : rssBytes / MIB;
    }

    double heapUsedMiB() {
        return heapUsedBytes / MIB;
    }

    String describe() {
        return String.format("RSS %.0f MiB, heap used %.0f MiB of %.0f MiB committed (max %.0f MiB)", rssMiB(),
                heapUsedMiB(), heapCommittedBytes / MIB, heapMaxBytes / MIB);
    }
}
