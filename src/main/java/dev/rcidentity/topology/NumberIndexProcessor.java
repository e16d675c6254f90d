package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Maintains which extension held each number when. A claim files the holder at its time; a release ends the
 * holding only if that extension still holds the number at that time, so when a number moves from A to B at the same
 * moment, the result is B whichever of the two events is processed first.
 */
final class NumberIndexProcessor extends ContextualProcessor<String, NumberEvent, Void, Void> {
    private VersionedKeyValueStore<String, String> numbers;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        super.init(context);
        numbers = context.getStateStore(StateStores.EXTENSION_NUMBERS.name());
    }

    @Override
    public void process(Record<String, NumberEvent> record) {
        NumberEvent event = record.value();
        long at = event.at().toEpochMilli();
        if (event.held()) {
            numbers.put(record.key(), event.extensionId(), at);
            return;
        }
        VersionedRecord<String> holder = numbers.get(record.key(), at);
        if (holder != null && holder.value().equals(event.extensionId())) {
            numbers.delete(record.key(), at);
        }
    }
}
