package dev.rcidentity.cli;

import dev.rcidentity.poller.PollerMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exposes the poller's counters through Micrometer. Their keys (group and status, connection) appear as traffic
 * happens, so {@link #refresh()} registers the new ones before each scrape.
 */
final class PollerMeters {
    private final PollerMetrics metrics;
    private final MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    PollerMeters(PollerMetrics metrics, MeterRegistry registry) {
        this.metrics = metrics;
        this.registry = registry;
        FunctionCounter.builder("rc_identity_poller_sweeps", metrics, m -> m.sweepsCompleted())
                .tag("outcome", "completed").register(registry);
        FunctionCounter.builder("rc_identity_poller_sweeps", metrics, m -> m.sweepsFailed())
                .tag("outcome", "failed").register(registry);
        for (PollerMetrics.Published kind : PollerMetrics.Published.values()) {
            FunctionCounter.builder("rc_identity_poller_published", metrics, m -> m.published(kind))
                    .tag("kind", kind.name().toLowerCase()).register(registry);
        }
        refresh();
    }

    void refresh() {
        metrics.requests().keySet().forEach(key -> {
            if (registered.add("request/" + key)) {
                FunctionCounter.builder("rc_identity_poller_requests", metrics,
                                m -> m.requests().getOrDefault(key, 0L))
                        .tag("group", key.group().name()).tag("status", String.valueOf(key.status()))
                        .register(registry);
            }
        });
        metrics.rateLimited().keySet().forEach(group -> {
            if (registered.add("429/" + group)) {
                FunctionCounter.builder("rc_identity_poller_rate_limited", metrics,
                                m -> m.rateLimited().getOrDefault(group, 0L))
                        .tag("group", group.name()).register(registry);
            }
        });
        metrics.lastSweepDurations().keySet().forEach(connection -> {
            if (registered.add("sweep/" + connection)) {
                Gauge.builder("rc_identity_poller_last_sweep_seconds", metrics,
                                m -> m.lastSweepDurations().getOrDefault(connection, Duration.ZERO).toMillis() / 1000.0)
                        .tag("connection", connection).register(registry);
            }
        });
    }
}
