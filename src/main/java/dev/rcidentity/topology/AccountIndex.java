package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.ListedExtension;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * This task's per-account listing of extensions and its counts, kept in step with each extension's latest snapshot
 * by {@link IdentityStores}.
 */
final class AccountIndex {
    private final KeyValueStore<String, ListedExtension> extensions;
    private final KeyValueStore<String, Long> counts;

    AccountIndex(ProcessorContext<?, ?> context) {
        this.extensions = context.getStateStore(StateStores.ACCOUNT_EXTENSIONS.name());
        this.counts = context.getStateStore(StateStores.ACCOUNT_EXTENSION_COUNTS.name());
    }

    /** The ids of the account's extensions held in this task. */
    List<String> extensionIds(String accountId) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, ListedExtension> range = extensions.range(
                StateStores.accountExtensionsFrom(accountId), StateStores.accountExtensionsTo(accountId))) {
            range.forEachRemaining(entry -> ids.add(entry.value.extensionId()));
        }
        return ids;
    }

    /**
     * {@code previous} is the latest snapshot before {@code latest} (null for a new extension). A count or a listing
     * entry is written only when the account, status, type or deletion changed: most snapshot updates (a new number,
     * a new name) write neither, and a -1 and a +1 on the same count would write two changelog records for no change.
     */
    void replace(ExtensionSnapshot previous, ExtensionSnapshot latest) {
        ListedExtension listed = ListedExtension.of(latest);
        String latestKey = countKey(latest);
        if (previous == null) {
            count(latestKey, 1);
        } else {
            String previousKey = countKey(previous);
            if (!previousKey.equals(latestKey)) {
                count(previousKey, -1);
                count(latestKey, 1);
            }
            boolean moved = !previous.accountId().equals(latest.accountId());
            if (moved) {
                extensions.delete(StateStores.accountExtensionKey(previous.accountId(), previous.extensionId()));
            } else if (ListedExtension.of(previous).equals(listed)) {
                return;
            }
        }
        extensions.put(StateStores.accountExtensionKey(latest.accountId(), latest.extensionId()), listed);
    }

    private static String countKey(ExtensionSnapshot snapshot) {
        return StateStores.countKey(snapshot.accountId(), StateStores.listedStatus(snapshot), String.valueOf(snapshot.type()));
    }

    private void count(String key, long delta) {
        Long current = counts.get(key);
        long next = (current == null ? 0 : current) + delta;
        if (next <= 0) {
            counts.delete(key);
        } else {
            counts.put(key, next);
        }
    }
}
