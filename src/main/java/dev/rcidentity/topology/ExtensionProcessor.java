package dev.rcidentity.topology;

import dev.rcidentity.model.ExtensionSnapshot;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files each checked extension snapshot under its observedAt in the versioned extension store, then refreshes the
 * identity of that extension when it has logged in, and keeps the account's listing of its extensions current. A snapshot older than the current one goes into the store's history
 * without replacing the current one.
 */
final class ExtensionProcessor extends AccountIndexedProcessor<ExtensionSnapshot> {
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionProcessor.class);
    @Override
    public void process(Record<String, ExtensionSnapshot> record) {
        ExtensionSnapshot snapshot = record.value();
        VersionedRecord<ExtensionSnapshot> previous = identities.extensions.get(snapshot.extensionId());
        long put = identities.extensions.put(snapshot.extensionId(), snapshot, snapshot.observedAt().toEpochMilli());
        if (put == VersionedKeyValueStore.PUT_RETURN_CODE_NOT_PUT) {
            LOG.warn("Snapshot of extension {} observed at {} is older than the store's history retention; not stored",
                    snapshot.extensionId(), snapshot.observedAt());
            return;
        }
        if (previous == null || previous.timestamp() <= snapshot.observedAt().toEpochMilli()) {
            accountIndex.replace(previous == null ? null : previous.value(), snapshot);
        }
        identities.refresh(snapshot.extensionId());
    }
}
