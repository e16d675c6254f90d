package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.InvalidRecordException;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.LoginEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One sweep of one connection: account info, then the whole extension list; publishes what changed since the last
 * published snapshot, and the extensions a complete list no longer holds as deleted.
 *
 * <p>When the list cannot be read to its end, the changed snapshots already read are still published (they are true
 * observations) but nothing is concluded about the extensions not seen: no deletion comes from an incomplete sweep.
 * The published state moves only for what Kafka acknowledged.
 */
final class ConnectionSweeper {
    private static final Logger log = LoggerFactory.getLogger(ConnectionSweeper.class);

    private final PublishedState state;
    private final StateLoading loading;
    private final SnapshotPublisher publisher;
    private final PollerMetrics metrics;
    private final Clock clock;

    ConnectionSweeper(PublishedState state, StateLoading loading, SnapshotPublisher publisher, PollerMetrics metrics,
                      Clock clock) {
        this.state = state;
        this.loading = loading;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Counts of one sweep while it runs. */
    private static final class Tally {
        int pages;
        int seen;
        int extensions;
        int deletions;
        boolean account;
        int logins;
    }

    SweepOutcome sweep(RunningConnection connection) throws InterruptedException {
        long start = System.nanoTime();
        Tally tally = new Tally();
        SweepOutcome.Status status = SweepOutcome.Status.FAILED;
        String failure = null;
        try {
            AccountSnapshot account = readAccount(connection);
            connection.accountId(account.accountId());
            loading.require(account.accountId());
            tally.logins += publishLogins(connection);
            tally.account = publishAccount(account);
            ExtensionSweep.Result listing = connection.extensionSweep().run(account.accountId());
            tally.pages = listing.pages();
            tally.seen = listing.extensions().size();
            publishExtensions(account.accountId(), listing, tally);
            if (!listing.complete()) {
                throw listing.failure();
            }
            status = SweepOutcome.Status.COMPLETED;
        } catch (CredentialRejectedException e) {
            connection.reject(e.errorCode());
            status = SweepOutcome.Status.STOPPED;
            failure = e.getMessage();
            log.error("Connection '{}' stopped: RingCentral rejected its credentials ({}). The other connections "
                    + "go on.", connection.name(), failure);
        } catch (RingCentralApiException | IncompleteSweepException | PublishException
                 | CredentialNotDurableException e) {
            failure = e.getMessage();
            log.warn("Connection '{}': sweep failed, nothing concluded about unseen extensions: {}",
                    connection.name(), failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            if (!Thread.currentThread().isInterrupted()) {
                tally.logins += publishRemainingLogins(connection);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.sweepEnded(connection.name(), status == SweepOutcome.Status.COMPLETED, took);
        SweepOutcome outcome = new SweepOutcome(connection.name(), status, connection.accountId(), tally.pages,
                tally.seen, tally.extensions, tally.deletions, tally.account, tally.logins, took, failure);
        if (outcome.completed()) {
            log.info("Connection '{}': swept account {} in {} ms: {} extensions on {} pages, {} changed, {} deleted, "
                            + "account {}, {} logins", connection.name(), outcome.accountId(), took.toMillis(),
                    tally.seen, tally.pages, tally.extensions, tally.deletions,
                    tally.account ? "changed" : "unchanged", tally.logins);
        }
        return outcome;
    }

    private AccountSnapshot readAccount(RunningConnection connection) throws InterruptedException {
        JsonNode info = connection.client().accountInfo();
        String companyName;
        try {
            companyName = SnapshotMapper.companyName(connection.client().businessAddress());
        } catch (RingCentralApiException e) {
            if (e.status() != 403 && e.status() != 404) {
                throw e;
            }
            // The app may lack the permission to read it; the account is still worth knowing.
            companyName = null;
        }
        try {
            return SnapshotMapper.account(info, companyName, clock.instant());
        } catch (InvalidRecordException e) {
            throw new RingCentralApiException("account info unusable: " + e.getMessage(), 200, null);
        }
    }

    private boolean publishAccount(AccountSnapshot account) throws InterruptedException {
        if (!state.changed(account)) {
            return false;
        }
        SnapshotPublisher.Outcome<AccountSnapshot> outcome = publisher.publish(Topics.ACCOUNTS, List.of(account),
                AccountSnapshot::accountId, AccountSnapshot::observedAt);
        outcome.acknowledged().forEach(state::published);
        metrics.published(PollerMetrics.Published.ACCOUNTS, outcome.acknowledged().size());
        outcome.throwIfFailed();
        return true;
    }

    private void publishExtensions(String accountId, ExtensionSweep.Result listing, Tally tally)
            throws InterruptedException {
        List<ExtensionSnapshot> outgoing = new ArrayList<>();
        listing.extensions().values().stream().filter(state::changed).forEach(outgoing::add);
        if (listing.complete()) {
            outgoing.addAll(state.vanished(accountId, listing.extensions().keySet(), clock.instant()));
        }
        ExtensionPublication.Counts counts = ExtensionPublication.publish(publisher, state, metrics, outgoing);
        tally.extensions += counts.changed();
        tally.deletions += counts.deleted();
        counts.throwIfFailed();
    }

    /** Publishes the logins of the tokens obtained so far, with the account when known; puts back the unsent. */
    private int publishLogins(RunningConnection connection) throws InterruptedException {
        List<LoginEvent> pending = connection.tokens().logins().drain();
        if (pending.isEmpty()) {
            return 0;
        }
        String accountId = connection.accountId();
        List<LoginEvent> events = pending.stream()
                .map(e -> e.accountId() == null && accountId != null ? LoginEvents.withAccountId(e, accountId) : e)
                .toList();
        SnapshotPublisher.Outcome<LoginEvent> outcome = publisher.publish(Topics.LOGINS, events,
                LoginEvent::ownerId, LoginEvent::loggedInAt);
        List<LoginEvent> unsent = new ArrayList<>(events);
        unsent.removeAll(outcome.acknowledged());
        connection.tokens().logins().requeue(unsent);
        metrics.published(PollerMetrics.Published.LOGINS, outcome.acknowledged().size());
        outcome.throwIfFailed();
        return outcome.acknowledged().size();
    }

    /** After the sweep, however it ended: tokens obtained later in it, or before it failed, still count as logins. */
    private int publishRemainingLogins(RunningConnection connection) throws InterruptedException {
        try {
            return publishLogins(connection);
        } catch (PublishException e) {
            log.warn("Connection '{}': login events not published yet, retried next sweep: {}", connection.name(),
                    e.getMessage());
            return 0;
        }
    }
}
