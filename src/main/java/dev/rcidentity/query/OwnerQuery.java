package dev.rcidentity.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityResolver;
import dev.rcidentity.model.Json;

import java.util.Optional;

/**
 * Who is behind an owner id: its identity when it logged in, else the resolution of its extension's snapshot and
 * account. The owner's identity and snapshots live in the same task (rc.extensions.v1 and rc.logins.v1 are
 * co-partitioned) and every task holds every account, so one read on the owning instance answers.
 */
record OwnerQuery(String ownerId, ConsistencyToken after) implements StoreQuery.ByKey<OwnerQuery.Owner> {
    static final String FROM_IDENTITY = "identity";
    static final String FROM_SNAPSHOT = "snapshot";

    /** The Identity's fields plus {@code source}: {@code identity} or {@code snapshot}. */
    record Owner(@JsonUnwrapped Identity identity, String source) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Owner fromJson(JsonNode json) throws JsonProcessingException {
            return new Owner(Json.MAPPER.treeToValue(json, Identity.class), json.path("source").asText(null));
        }
    }

    private static final JavaType TYPE = StoreQuery.type(Owner.class);

    OwnerQuery(String ownerId) {
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
        return "/v1/owners/" + ownerId + (after == null ? "" : "?after=" + after.text());
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<Owner>> readFrom(LocalStores stores, int partition, boolean activeOnly) {
        Optional<LocalStores.Read<Identity>> identity = new IdentityQuery(ownerId, after).readFrom(stores, partition, activeOnly);
        if (identity.isEmpty() || identity.get().value() != null) {
            return identity.map(read -> new LocalStores.Read<>(new Owner(read.value(), FROM_IDENTITY)));
        }
        Optional<LocalStores.Read<ExtensionSnapshot>> snapshot = new ExtensionQuery(ownerId, null)
                .readFrom(stores, partition, activeOnly);
        if (snapshot.isEmpty() || snapshot.get().value() == null) {
            return snapshot.map(read -> new LocalStores.Read<>(null));
        }
        ExtensionSnapshot current = snapshot.get().value();
        return new AccountQuery(current.accountId()).readFrom(stores, partition, activeOnly)
                .map(account -> new LocalStores.Read<>(resolve(current, account.value())));
    }

    static Owner resolve(ExtensionSnapshot current, AccountSnapshot account) {
        return new Owner(IdentityResolver.withoutLogins(current, account), FROM_SNAPSHOT);
    }

    String notFound() {
        return "owner " + ownerId + " is unknown: no identity and no extension snapshot";
    }
}
