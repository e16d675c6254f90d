package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.InvalidRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a window of one connection's notifications into published snapshots: each named extension fetched
 * ({@code GET /restapi/v1.0/account/~/extension/{id}}, Light, the connection's limiter) and published when it differs
 * from the last published snapshot, exactly as a sweep decides; an extension whose fetch answers 404 is published
 * deleted (a notification alone deletes nothing). Runs under the connection's sweep lock, so it never interleaves
 * with a sweep of the same connection.
 */
final class PushFetcher {
    private static final Logger log = LoggerFactory.getLogger(PushFetcher.class);

    private final PublishedState state;
    private final StateLoading loading;
    private final SnapshotPublisher publisher;
    private final PollerMetrics metrics;
    private final Clock clock;

    PushFetcher(PublishedState state, StateLoading loading, SnapshotPublisher publisher, PollerMetrics metrics,
                Clock clock) {
        this.state = state;
        this.loading = loading;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Fetches and publishes; false when it could not (no sweep yet, a failed call): the next full sweep covers it. */
    boolean apply(RunningConnection connection, NotifiedChanges changes) throws InterruptedException {
        String accountId = connection.accountId();
        if (accountId == null || connection.stopped()) {
            return false;
        }
        connection.sweepLock().lockInterruptibly();
        try {
            loading.require(accountId); // a notification may come before the account's first sweep here
            List<ExtensionSnapshot> outgoing = new ArrayList<>();
            for (Map.Entry<String, Boolean> named : changes.extensions().entrySet()) {
                ExtensionSnapshot fetched = fetch(connection, accountId, named.getKey());
                if (fetched != null && state.changed(fetched)) {
                    outgoing.add(fetched);
                }
            }
            ExtensionPublication.publish(publisher, state, metrics, outgoing).throwIfFailed();
            return true;
        } catch (RingCentralApiException | PublishException | CredentialNotDurableException e) {
            log.warn("Connection '{}': fetching the extensions its notifications named failed; the next full sweep "
                    + "covers them: {}", connection.name(), e.getMessage());
            return false;
        } finally {
            connection.sweepLock().unlock();
        }
    }

    /** The extension as RingCentral has it now; deleted (from the last published) on a 404; null when unknown. */
    private ExtensionSnapshot fetch(RunningConnection connection, String accountId, String extensionId)
            throws InterruptedException {
        try {
            JsonNode record = connection.client().extension(extensionId);
            return SnapshotMapper.extension(record, accountId, clock.instant());
        } catch (RingCentralApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            ExtensionSnapshot last = state.last(extensionId);
            return last == null || last.deleted() || !accountId.equals(last.accountId()) ? null
                    : last.asDeleted(clock.instant());
        } catch (InvalidRecordException e) {
            log.warn("Connection '{}': extension {} unusable: {}", connection.name(), extensionId, e.getMessage());
            return null;
        }
    }
}
