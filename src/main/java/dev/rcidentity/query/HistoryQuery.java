package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionHistory;

import java.util.Optional;

/** An extension's type-2 history, oldest first. */
record HistoryQuery(String extensionId) implements StoreQuery.ByKey<ExtensionHistory> {
    private static final JavaType TYPE = StoreQuery.type(ExtensionHistory.class);

    @Override
    public String key() {
        return extensionId;
    }

    @Override
    public String store() {
        return StateStores.EXTENSION_HISTORY.name();
    }

    @Override
    public String forwardPath() {
        return "/v1/extensions/" + extensionId + "/history";
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<ExtensionHistory>> readFrom(LocalStores stores, int partition, boolean activeOnly) {
        return stores.get(store(), extensionId, partition, activeOnly);
    }
}
