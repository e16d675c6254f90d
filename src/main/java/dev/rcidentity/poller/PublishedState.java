package dev.rcidentity.poller;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The newest snapshot the poller published for every extension and account: what the compacted topics hold. It
 * decides what is a change worth publishing and which extensions vanished. Filled from the topics ({@link StateReader}),
 * so a restart republishes nothing that did not change and no other store is needed. The extensions are also indexed
 * by account, so a sweep's search for vanished extensions and the release of an account cost that account's
 * extensions, not the whole state an instance holds (which made a sweep's cost grow with the instance's share).
 */
final class PublishedState {
    private static final Logger log = LoggerFactory.getLogger(PublishedState.class);

    private final Map<String, ExtensionSnapshot> extensions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> extensionIdsByAccount = new ConcurrentHashMap<>();
    private final Map<String, AccountSnapshot> accounts = new ConcurrentHashMap<>();

    /** New, or different from the last published snapshot in anything but {@code observedAt}. */
    boolean changed(ExtensionSnapshot snapshot) {
        ExtensionSnapshot last = extensions.get(snapshot.extensionId());
        return last == null || !last.observedAt(null).equals(snapshot.observedAt(null));
    }

    boolean changed(AccountSnapshot snapshot) {
        AccountSnapshot last = accounts.get(snapshot.accountId());
        return last == null || !withoutTime(last).equals(withoutTime(snapshot));
    }

    /** The account's extensions last published as present that a complete sweep did not see, marked deleted. */
    List<ExtensionSnapshot> vanished(String accountId, Set<String> present, Instant at) {
        List<ExtensionSnapshot> gone = new ArrayList<>();
        for (String extensionId : extensionIdsByAccount.getOrDefault(accountId, Set.of())) {
            ExtensionSnapshot last = extensions.get(extensionId);
            if (last != null && last.accountId().equals(accountId) && !last.deleted()
                    && !present.contains(extensionId)) {
                gone.add(last.asDeleted(at));
            }
        }
        return gone;
    }

    /** The last published snapshot of the extension; null when none. */
    ExtensionSnapshot last(String extensionId) {
        return extensions.get(extensionId);
    }


    void published(AccountSnapshot snapshot) {
        accounts.put(snapshot.accountId(), snapshot);
    }

    int extensionCount() {
        return extensions.size();
    }

    int accountCount() {
        return accounts.size();
    }

    /** Lets go of what was published for the account (this instance no longer sweeps it). */
    void forget(String accountId) {
        for (String extensionId : extensionIdsByAccount.getOrDefault(accountId, Set.of())) {
            extensions.computeIfPresent(extensionId, (id, last) -> last.accountId().equals(accountId) ? null : last);
        }
        extensionIdsByAccount.remove(accountId);
        accounts.remove(accountId);
    }

    /** Keeps the snapshot and its place in the account index (an extension that moved account leaves the old one). */
    void published(ExtensionSnapshot snapshot) {
        extensions.compute(snapshot.extensionId(), (id, last) -> {
            if (last != null && !last.accountId().equals(snapshot.accountId())) {
                unindex(last);
            }
            extensionIdsByAccount.compute(snapshot.accountId(), (account, ids) -> {
                Set<String> held = ids != null ? ids : ConcurrentHashMap.newKeySet();
                held.add(id);
                return held;
            });
            return snapshot;
        });
    }

    private void unindex(ExtensionSnapshot snapshot) {
        extensionIdsByAccount.computeIfPresent(snapshot.accountId(), (account, ids) -> {
            ids.remove(snapshot.extensionId());
            return ids.isEmpty() ? null : ids;
        });
    }

    /**
     * Applies a record of {@code rc.extensions.v1} or {@code rc.accounts.v1} when {@code wanted} accepts its account;
     * returns that account (null for a tombstone of an extension, whose account the record does not say, and for an
     * unreadable record, which is skipped).
     */
    String apply(ConsumerRecord<byte[], byte[]> record, Predicate<String> wanted) {
        if (record.key() == null) {
            return null;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        try {
            if (record.topic().equals(Topics.EXTENSIONS.name())) {
                ExtensionSnapshot value = Topics.EXTENSIONS.valueSerde().deserializer().deserialize(record.topic(),
                        record.value());
                if (value == null) {
                    extensions.computeIfPresent(key, (k, last) -> {
                        if (!wanted.test(last.accountId())) {
                            return last;
                        }
                        unindex(last);
                        return null;
                    });
                    return null;
                }
                if (wanted.test(value.accountId())) {
                    published(value);
                }
                return value.accountId();
            }
            if (wanted.test(key)) {
                apply(accounts, key, Topics.ACCOUNTS.valueSerde().deserializer().deserialize(record.topic(),
                        record.value()));
            }
            return key;
        } catch (SerializationException e) {
            log.warn("Skipping unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return null;
        }
    }

    private static <V> void apply(Map<String, V> map, String key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static AccountSnapshot withoutTime(AccountSnapshot a) {
        return new AccountSnapshot(a.accountId(), a.companyName(), a.mainNumber(), a.status(), a.brand(), null);
    }
}
