package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the type-2 history of each extension and forwards each new version. The store keeps the rows of the last
 * {@code retention} (the current row always); {@code rc.extension-history.v1} keeps them all.
 */
final class HistoryProcessor extends ContextualProcessor<String, ExtensionSnapshot, String, HistoryChange> {
    private final Duration retention;
    private KeyValueStore<String, ExtensionHistory> histories;

    HistoryProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, HistoryChange> context) {
        super.init(context);
        histories = context.getStateStore(StateStores.EXTENSION_HISTORY.name());
    }

    @Override
    public void process(Record<String, ExtensionSnapshot> record) {
        ExtensionSnapshot snapshot = record.value();
        ExtensionHistory history = histories.get(snapshot.extensionId());
        Optional<HistoryChange> change = ExtensionVersioning.next(history == null ? null : history.current(), snapshot);
        if (change.isEmpty()) {
            return;
        }
        histories.put(snapshot.extensionId(), append(history, change.get(), snapshot.observedAt().minus(retention)));
        context().forward(new Record<>(snapshot.extensionId(), change.get(), snapshot.observedAt().toEpochMilli()));
    }

    private static ExtensionHistory append(ExtensionHistory history, HistoryChange change, Instant horizon) {
        List<HistoryRow> rows = new ArrayList<>();
        if (history != null) {
            for (HistoryRow row : history.rows().subList(0, history.rows().size() - 1)) {
                if (!row.validTo().isBefore(horizon)) {
                    rows.add(row);
                }
            }
        }
        rows.addAll(change.rows());
        return new ExtensionHistory(rows);
    }
}
