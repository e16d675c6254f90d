package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.WebhookAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The webhook subscriptions of the connections this poller holds: each checked every {@code checkInterval} on
 * the push threads (the first check at once), and whether a connection's full sweep is due: every
 * {@code pollIntervalWithPush} while its subscription is healthy, every poll interval otherwise.
 */
final class PushSubscriptions implements NotificationConsumer.Connections, AutoCloseable {
    private record Held(RunningConnection connection, PushSubscription subscription, ScheduledFuture<?> checks,
                        Instant since) {
    }

    private static final Logger log = LoggerFactory.getLogger(PushSubscriptions.class);

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastCompletedSweep = new ConcurrentHashMap<>();
    private final PushOptions options;
    private final Duration pollInterval;
    private final WebhookTokens tokens;
    private final Clock clock;
    private final ScheduledExecutorService threads;
    private final Consumer<RunningConnection> sweepSoon;
    private final List<BiConsumer<String, SubscriptionApi.Info>> listeners = new CopyOnWriteArrayList<>();

    PushSubscriptions(PushOptions options, Duration pollInterval, ConnectionCatalog records, CredentialCipher cipher,
                      Clock clock, Consumer<RunningConnection> sweepSoon) {
        this.options = options;
        this.sweepSoon = sweepSoon;
        this.pollInterval = pollInterval;
        this.tokens = new WebhookTokens(records, cipher, clock);
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "rc-push-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    PushOptions options() {
        return options;
    }

    void hold(String connectionId, RunningConnection connection) {
        PushSubscription subscription = new PushSubscription(connectionId, connection, tokens, options,
                WebhookAddress.of(options.baseUrl(), connectionId), clock,
                info -> listeners.forEach(listener -> listener.accept(connectionId, info)));
        ScheduledFuture<?> checks = threads.scheduleWithFixedDelay(() -> check(connection, subscription), 0,
                options.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        Held previous = held.put(connectionId, new Held(connection, subscription, checks, clock.instant()));
        if (previous != null) {
            previous.checks().cancel(true);
        }
    }

    /** Told, on a push thread, whenever a connection's subscription is created, renewed or changes status. */
    void addListener(BiConsumer<String, SubscriptionApi.Info> listener) {
        listeners.add(listener);
    }

    /** Stops checking (the subscription stays at RingCentral: another instance may hold the connection next). */
    void release(String connectionId) {
        Held released = held.remove(connectionId);
        if (released != null) {
            released.checks().cancel(true);
        }
        lastCompletedSweep.remove(connectionId);
    }

    /** The connection is removed: its subscription is deleted at RingCentral (call before its token is revoked). */
    void delete(String connectionId) throws InterruptedException {
        Held removed = held.get(connectionId);
        if (removed != null) {
            removed.checks().cancel(true);
            removed.subscription().delete();
        }
        release(connectionId);
    }

    @Override
    public NotificationConsumer.Held held(String connectionId) {
        Held h = held.get(connectionId);
        return h == null ? null : new NotificationConsumer.Held(h.connection(), h.since());
    }

    @Override
    public void sweepSoon(String connectionId) {
        Held h = held.get(connectionId);
        if (h != null) {
            sweepSoon.accept(h.connection());
        }
    }

    boolean healthy(String connectionId) {
        Held h = held.get(connectionId);
        return h != null && h.subscription().healthy();
    }

    /** What RingCentral last said of the connection's subscription; null when unknown. */
    SubscriptionApi.Info info(String connectionId) {
        Held h = held.get(connectionId);
        return h == null ? null : h.subscription().info();
    }

    void swept(String connectionId, SweepOutcome outcome) {
        if (outcome.completed()) {
            lastCompletedSweep.put(connectionId, clock.instant());
        }
    }

    /**
     * Whether a scheduled sweep (every poll interval) runs: always while the subscription is not healthy or no sweep
     * completed yet; with push healthy, once the last complete sweep is about {@code pollIntervalWithPush} old (half
     * a poll interval early, so the schedule's ticks do not push it a whole interval late).
     */
    boolean sweepDue(String connectionId) {
        Instant last = lastCompletedSweep.get(connectionId);
        if (!healthy(connectionId) || last == null) {
            return true;
        }
        Duration since = Duration.between(last, clock.instant());
        return since.compareTo(options.pollIntervalWithPush().minus(pollInterval.dividedBy(2))) >= 0;
    }

    private static void check(RunningConnection connection, PushSubscription subscription) {
        try {
            subscription.check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Connection '{}': webhook subscription check crashed", connection.name(), e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
