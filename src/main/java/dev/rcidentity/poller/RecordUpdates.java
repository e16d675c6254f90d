package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialException;
import dev.rcidentity.model.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The poller's own edits of connection records: REJECTED with a reason, the account and owner once known, ACTIVE
 * again once a key problem is fixed. Each writes the newest record with one change, only when it changes something;
 * a failed write is logged and tried again at the next sweep or change.
 */
final class RecordUpdates {
    /** How the reason of a record no configured key opens starts; such a record is reactivated once one does. */
    static final String UNREADABLE = "credential unreadable with the configured keys: ";
    private static final Logger log = LoggerFactory.getLogger(RecordUpdates.class);
    private static final int MAX_REMEMBERED_REMOVALS = 100_000;

    private final ConnectionCatalog records;
    private final Clock clock;
    /** connectionIds are never reused, so a record after a tombstone is a write that raced the removal. */
    private final Set<String> removed = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_REMEMBERED_REMOVALS;
                }
            }));

    RecordUpdates(ConnectionCatalog records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    void reject(String id, String reason) {
        update(id, c -> Connection.REJECTED.equals(c.status()) && reason.equals(c.statusReason()) ? c
                : c.withStatus(Connection.REJECTED, reason, clock.instant()));
        log.warn("Connection {} REJECTED: {}", id, reason);
    }

    /** The account a sweep read and the owner a token named, when they differ from the record's. */
    void learnOwner(String id, String accountId, String ownerId) {
        update(id, c -> {
            String account = accountId != null ? accountId : c.accountId();
            String owner = ownerId != null ? ownerId : c.ownerId();
            return Objects.equals(account, c.accountId()) && Objects.equals(owner, c.ownerId()) ? c
                    : c.withOwner(account, owner, clock.instant());
        });
    }

    /** A record REJECTED because no key opened it goes back to ACTIVE once one does. */
    void reactivateIfReadable(Connection record, CredentialCipher cipher) {
        if (!Connection.REJECTED.equals(record.status()) || record.statusReason() == null
                || !record.statusReason().startsWith(UNREADABLE)) {
            return;
        }
        try {
            cipher.decrypt(record.connectionId(), record.credential());
        } catch (CredentialException e) {
            return;
        }
        log.info("Connection {}: its credential opens with the configured keys again: ACTIVE", record.connectionId());
        update(record.connectionId(), c -> c.withStatus(Connection.ACTIVE, null, clock.instant()));
    }

    void removed(String id) {
        removed.add(id);
    }

    boolean wasRemoved(String id) {
        return removed.contains(id);
    }

    private void update(String id, UnaryOperator<Connection> change) {
        try {
            records.get(id).ifPresent(latest -> {
                Connection changed = change.apply(latest);
                if (!changed.equals(latest)) {
                    records.put(changed);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Connection {}: updating its record failed, tried again later: {}", id, e.getMessage());
        }
    }
}
