package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.kafka.KafkaClients;

import java.time.Clock;

/**
 * The parts of a {@link Poller}, wired together: where it publishes ({@link PollerPublishing}), its sweeps and their
 * schedule, the connections it holds ({@link HeldConnections}) and the push fast path ({@link PollerPush}), off
 * until {@link #enablePush} connects it to the sweeps. {@link #close()} stops them in that order of dependence.
 */
final class PollerParts {
    private final PollerOptions options;
    private final KafkaClients kafka;
    private final Clock clock;
    private final PollerPush push = new PollerPush();
    private final PollerPublishing publishing;
    private final Sweeps sweeps;
    private final SweepSchedule schedule;
    private final HeldConnections connections;

    PollerParts(PollerOptions options, SweepPacing pacing, KafkaClients kafka, Clock clock) {
        this.options = options;
        this.kafka = kafka;
        this.clock = clock;
        this.publishing = new PollerPublishing(options, kafka, clock);
        this.sweeps = new Sweeps(publishing.sweeper());
        this.schedule = new SweepSchedule(options.pollInterval(), pacing, clock);
        this.connections = new HeldConnections(options, clock, publishing.metrics(), publishing.loading(), sweeps,
                schedule, push);
    }

    PollerPublishing publishing() {
        return publishing;
    }

    Sweeps sweeps() {
        return sweeps;
    }

    SweepSchedule schedule() {
        return schedule;
    }

    PollerPush push() {
        return push;
    }

    HeldConnections connections() {
        return connections;
    }

    /**
     * Turns push on once: webhook subscriptions whose notifications sweep through the schedule, told every sweep's
     * outcome, and the consumer of the notifications, fetching through the publishing.
     */
    void enablePush(PushOptions pushOptions, ConnectionCatalog records, CredentialCipher cipher) {
        if (!push.enabled()) {
            PushSubscriptions subscriptions = new PushSubscriptions(pushOptions, options.pollInterval(), records,
                    cipher, clock, connection -> schedule.run(() -> sweeps.sweep(connection)));
            sweeps.addListener((connection, outcome) -> subscriptions.swept(connection.key(), outcome));
            push.enable(subscriptions, new NotificationConsumer(kafka, subscriptions, publishing.fetcher(), pushOptions,
                    clock));
        }
    }

    /** Halts the connections (an exchange in progress completes first), then push, the schedule and publishing. */
    void close() {
        try {
            connections.haltAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        push.close();
        schedule.shutdown();
        publishing.close();
    }
}
