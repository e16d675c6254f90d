package dev.rcidentity.bench;

import java.lang.management.ManagementFactory;

/** CPU time of the bench's own JVM (every thread: the instances it runs, the broker, an in-JVM client). */
final class BenchCpu {
    private BenchCpu() {
    }

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Microseconds of CPU a request since {@code startNanos}; NaN without requests. */
    static double microsPerRequest(long startNanos, long requests) {
        return requests <= 0 ? Double.NaN : (nanos() - startNanos) / 1e3 / requests;
    }
}
