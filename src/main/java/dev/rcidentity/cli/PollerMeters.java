package dev.rcidentity.cli;

import dev.rcidentity.poller.Poller;
import dev.rcidentity.poller.PollerMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Exposes the poller's counters through Micrometer, each tagged {@code poller} with this instance's name (its
 * {@code heldBy}), so that the instances of a poller group can be told apart. Their keys (group and status,
 * connection) appear as traffic happens, so {@link #refresh()} registers the new ones before each scrape.
 */
final class PollerMeters {
    private final PollerMetrics metrics;
    private final MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Tags instance;

    PollerMeters(Poller poller, String instance, MeterRegistry registry) {
        this.metrics = poller.metrics();
        this.registry = registry;
        this.instance = Tags.of("poller", instance);
        FunctionCounter.builder("rc_identity_poller_sweeps", metrics, m -> m.sweepsCompleted())
                .tags(this.instance).tag("outcome", "completed").register(registry);
        FunctionCounter.builder("rc_identity_poller_sweeps", metrics, m -> m.sweepsFailed())
                .tags(this.instance).tag("outcome", "failed").register(registry);
        FunctionTimer.builder("rc_identity_poller_sweep_duration", metrics,
                        m -> m.sweepsCompleted() + m.sweepsFailed(), m -> m.sweepTime().toNanos(), TimeUnit.NANOSECONDS)
                .tags(this.instance).description("every sweep, completed or failed").register(registry);
        Gauge.builder("rc_identity_poller_connections_held", poller, Poller::heldCount).tags(this.instance)
                .description("connections this instance holds (its share of the poller group)").register(registry);
        for (PollerMetrics.Published kind : PollerMetrics.Published.values()) {
            FunctionCounter.builder("rc_identity_poller_published", metrics, m -> m.published(kind))
                    .tags(this.instance).tag("kind", kind.name().toLowerCase()).register(registry);
        }
        refresh();
    }

    void refresh() {
        metrics.requests().keySet().forEach(key -> {
            if (registered.add("request/" + key)) {
                FunctionCounter.builder("rc_identity_poller_requests", metrics,
                                m -> m.requests().getOrDefault(key, 0L))
                        .tags(instance).tag("group", key.group().name()).tag("status", String.valueOf(key.status()))
                        .register(registry);
            }
        });
        metrics.rateLimited().keySet().forEach(group -> {
            if (registered.add("429/" + group)) {
                FunctionCounter.builder("rc_identity_poller_rate_limited", metrics,
                                m -> m.rateLimited().getOrDefault(group, 0L))
                        .tags(instance).tag("group", group.name()).register(registry);
            }
        });
        metrics.lastSweepDurations().keySet().forEach(connection -> {
            if (registered.add("sweep/" + connection)) {
                Gauge.builder("rc_identity_poller_last_sweep_seconds", metrics,
                                m -> m.lastSweepDurations().getOrDefault(connection, Duration.ZERO).toMillis() / 1000.0)
                        .tags(instance).tag("connection", connection).register(registry);
            }
        });
    }
}
