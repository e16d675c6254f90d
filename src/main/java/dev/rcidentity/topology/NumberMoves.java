package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.NumberEvent;
import org.apache.kafka.streams.KeyValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The number moves a new version of an extension makes, for the number index. */
final class NumberMoves {
    private NumberMoves() {
    }

    /** Nothing when the extension keeps its number; else a release of the old number and a claim of the new one. */
    static List<KeyValue<String, NumberEvent>> of(HistoryChange change) {
        HistoryRow opened = change.opened();
        String before = change.closed() == null || change.closed().isDeletion() ? null : change.closed().extensionNumber();
        String after = opened.isDeletion() ? null : opened.extensionNumber();
        List<KeyValue<String, NumberEvent>> events = new ArrayList<>(2);
        if (Objects.equals(before, after)) {
            return events;
        }
        if (before != null) {
            events.add(KeyValue.pair(StateStores.numberKey(change.closed().accountId(), before),
                    new NumberEvent(opened.extensionId(), false, opened.validFrom())));
        }
        if (after != null) {
            events.add(KeyValue.pair(StateStores.numberKey(opened.accountId(), after),
                    new NumberEvent(opened.extensionId(), true, opened.validFrom())));
        }
        return events;
    }
}
