package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionSnapshot;
import org.apache.kafka.streams.state.VersionedRecord;

import java.time.Instant;
import java.util.Optional;

/** An extension's snapshot: the latest, or the one valid at {@code at} when it is set. */
record ExtensionQuery(String extensionId, Instant at) implements StoreQuery.ByKey<ExtensionSnapshot> {
    private static final JavaType TYPE = StoreQuery.type(ExtensionSnapshot.class);

    @Override
    public String key() {
        return extensionId;
    }

    @Override
    public String store() {
        return StateStores.EXTENSIONS.name();
    }

    @Override
    public String forwardPath() {
        return "/v1/extensions/" + extensionId + (at == null ? "" : "?at=" + at);
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<ExtensionSnapshot>> readFrom(LocalStores stores, int partition, boolean activeOnly) {
        return stores.<String, ExtensionSnapshot>getVersioned(store(), extensionId, at, partition, activeOnly)
                .map(read -> new LocalStores.Read<>(Optional.ofNullable(read.value()).map(VersionedRecord::value).orElse(null)));
    }

    String notFound() {
        return "no snapshot of extension " + extensionId + (at == null ? "" : " at " + at);
    }
}
