package dev.rcidentity.topology;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ExtensionSnapshot;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Files each extension snapshot under its observedAt in the versioned extension store, then refreshes the identity
 * of that extension when it has logged in. A snapshot older than the current one goes into the store's history
 * without replacing the current one.
 */
final class ExtensionProcessor extends IdentityInputProcessor<ExtensionSnapshot> {
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionProcessor.class);
    @Override
    public void process(Record<String, ExtensionSnapshot> record) {
        ExtensionSnapshot snapshot = record.value();
        if (snapshot == null) {
            return; // a tombstone: deletions travel as deleted=true snapshots, so there is nothing to apply
        }
        RecordKeys.requireMatch(Topics.EXTENSIONS.name(), record.key(), snapshot.extensionId(), "extensionId");
        if (snapshot.observedAt() == null) {
            snapshot = snapshot.observedAt(Instant.ofEpochMilli(record.timestamp()));
        }
        long put = identities.extensions.put(snapshot.extensionId(), snapshot, snapshot.observedAt().toEpochMilli());
        if (put == VersionedKeyValueStore.PUT_RETURN_CODE_NOT_PUT) {
            LOG.warn("Snapshot of extension {} observed at {} is older than the store's history retention; not stored",
                    snapshot.extensionId(), snapshot.observedAt());
            return;
        }
        identities.refresh(snapshot.extensionId());
    }
}
