package dev.rcidentity.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * Waits until the JIT compilers of the bench's JVM are quiet after the warm-up loads, as JMH's warm-up iterations let
 * them be: on two cores a compiler still working takes CPU from the measured load while the paths it has not compiled
 * yet run their first-tier code. Quiet: the compilers used under {@link #QUIET_SHARE} of one core over a second. The
 * wait is bounded; how long it took is a figure of its own.
 */
final class JitQuiet {
    /** The compilers' share of one core below which they count as quiet. */
    static final double QUIET_SHARE = 0.05;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    /** How long the wait took and whether the compilers were quiet at its end; {@code seen}: the JVM reports them. */
    record Wait(Duration waited, boolean quiet, boolean seen) {
        Figure figure(String section, String before) {
            double seconds = waited.toMillis() / 1e3;
            String end = !seen ? "; this JVM does not report its compilers' time, so the bench did not wait"
                    : quiet ? "" : "; still compiling at the bound, the figures include it";
            return Figure.info(section, "wait for the JIT to settle before " + before, seconds, "s", List.of(seconds),
                    String.format("after the warm-up loads, until the compilers used under %.0f %% of a core for a "
                            + "second%s", QUIET_SHARE * 100, end));
        }
    }

    private JitQuiet() {
    }

    static Wait await(Duration bound) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return new Wait(Duration.ZERO, false, false);
        }
        while (true) {
            long compiled = jit.getTotalCompilationTime();
            Thread.sleep(WINDOW.toMillis()); // the measurement window, not a synchronization
            double share = (jit.getTotalCompilationTime() - compiled) / (double) WINDOW.toMillis();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (share < QUIET_SHARE || waited.compareTo(bound) >= 0) {
                return new Wait(waited, share < QUIET_SHARE, true);
            }
        }
    }
}
