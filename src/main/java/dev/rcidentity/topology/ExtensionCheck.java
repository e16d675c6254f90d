package dev.rcidentity.topology;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ExtensionSnapshot;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Instant;

/**
 * Checks an extension snapshot once for the processors that read it, drops tombstones (deletions travel as
 * {@code deleted: true}) and fills a missing observedAt from the record time.
 */
final class ExtensionCheck extends ContextualFixedKeyProcessor<String, ExtensionSnapshot, ExtensionSnapshot> {
    @Override
    public void process(FixedKeyRecord<String, ExtensionSnapshot> record) {
        ExtensionSnapshot snapshot = record.value();
        if (snapshot == null) {
            return;
        }
        RecordKeys.requireMatch(Topics.EXTENSIONS.name(), record.key(), snapshot.extensionId(), "extensionId");
        if (snapshot.observedAt() == null) {
            snapshot = snapshot.observedAt(Instant.ofEpochMilli(record.timestamp()));
        }
        context().forward(record.withValue(snapshot));
    }
}
