package dev.rcidentity.poller;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ExtensionSnapshot;

import java.util.List;

/**
 * Publishes extension snapshots to {@code rc.extensions.v1} for a sweep or a push fetch alike: the published state
 * and the counters move only for what Kafka acknowledged.
 */
final class ExtensionPublication {
    /** How many changed and deleted snapshots Kafka acknowledged, and the first failure (null when none). */
    record Counts(int changed, int deleted, RuntimeException failure) {
        void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private ExtensionPublication() {
    }

    static Counts publish(SnapshotPublisher publisher, PublishedState state, PollerMetrics metrics,
                          List<ExtensionSnapshot> outgoing) throws InterruptedException {
        if (outgoing.isEmpty()) {
            return new Counts(0, 0, null);
        }
        SnapshotPublisher.Outcome<ExtensionSnapshot> outcome = publisher.publish(Topics.EXTENSIONS, outgoing,
                ExtensionSnapshot::extensionId, ExtensionSnapshot::observedAt);
        int changed = 0;
        int deleted = 0;
        for (ExtensionSnapshot snapshot : outcome.acknowledged()) {
            state.published(snapshot);
            if (snapshot.deleted()) {
                deleted++;
            } else {
                changed++;
            }
        }
        metrics.published(PollerMetrics.Published.EXTENSIONS, changed);
        metrics.published(PollerMetrics.Published.DELETIONS, deleted);
        return new Counts(changed, deleted, outcome.failure());
    }
}
