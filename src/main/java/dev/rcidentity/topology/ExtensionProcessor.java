package dev.rcidentity.topology;

import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files each checked extension snapshot (see {@link IdentityStores#file}), then refreshes the identity of that
 * extension when it has logged in. A snapshot older than the current one goes into the store's history without
 * replacing the current one.
 */
final class ExtensionProcessor implements Processor<String, ExtensionSnapshot, String, Identity> {
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionProcessor.class);
    private IdentityStores stores;
    private IdentityUpdater identities;

    @Override
    public void init(ProcessorContext<String, Identity> context) {
        stores = new IdentityStores(context);
        identities = new IdentityUpdater(stores, context);
    }

    @Override
    public void process(Record<String, ExtensionSnapshot> record) {
        ExtensionSnapshot snapshot = record.value();
        ExtensionSnapshot current = stores.file(snapshot);
        if (current == null) {
            LOG.warn("Snapshot of extension {} observed at {} is older than the store's history retention; not stored",
                    snapshot.extensionId(), snapshot.observedAt());
            return;
        }
        identities.refresh(snapshot.extensionId(), current);
    }
}
