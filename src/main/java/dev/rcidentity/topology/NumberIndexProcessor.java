package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.NumberEvent;
import dev.rcidentity.model.NumberHoldings;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * Maintains which extensions held each number when, as holding intervals per extension (see {@link NumberHoldings}):
 * a claim opens the claiming extension's interval, a release closes the releasing extension's own, whatever order
 * they are processed in. Intervals that ended more than the history retention ago are dropped.
 */
final class NumberIndexProcessor extends ContextualProcessor<String, NumberEvent, Void, Void> {
    private final Duration retention;
    private KeyValueStore<String, NumberHoldings> numbers;

    NumberIndexProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        super.init(context);
        numbers = context.getStateStore(StateStores.EXTENSION_NUMBERS.name());
    }

    @Override
    public void process(Record<String, NumberEvent> record) {
        NumberEvent event = record.value();
        NumberHoldings holdings = numbers.get(record.key());
        if (holdings == null) {
            holdings = NumberHoldings.none();
        }
        holdings = event.held() ? holdings.claim(event.extensionId(), event.at())
                : holdings.release(event.extensionId(), event.at());
        numbers.put(record.key(), holdings.prunedBefore(event.at().minus(retention)));
    }
}
