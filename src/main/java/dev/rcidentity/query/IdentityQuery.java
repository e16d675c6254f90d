package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityState;

import java.util.Optional;

/** The identity of a login owner; with {@code after}, only from a store that has processed that write. */
record IdentityQuery(String ownerId, ConsistencyToken after) implements StoreQuery.ByKey<Identity> {
    private static final JavaType TYPE = StoreQuery.type(Identity.class);

    IdentityQuery(String ownerId) {
        this(ownerId, null);
    }

    @Override
    public String key() {
        return ownerId;
    }

    @Override
    public String store() {
        return StateStores.IDENTITIES.name();
    }

    @Override
    public String forwardPath() {
        return "/v1/identities/" + ownerId + (after == null ? "" : "?after=" + after.text());
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<Identity>> readFrom(LocalStores stores, int partition, boolean activeOnly) {
        return stores.<String, IdentityState>get(store(), ownerId, partition, activeOnly, after == null ? null : after.position())
                .map(read -> new LocalStores.Read<>(read.value() == null ? null : read.value().identity()));
    }
}
