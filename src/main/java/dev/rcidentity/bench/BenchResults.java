package dev.rcidentity.bench;

import java.time.Instant;
import java.util.List;

/** One run: what ran it, where, and every figure. */
public record BenchResults(
        String command,
        String mode,
        Instant startedAt,
        double totalSeconds,
        int availableProcessors,
        String javaVersion,
        double maxHeapMiB,
        List<Figure> figures) {
}
