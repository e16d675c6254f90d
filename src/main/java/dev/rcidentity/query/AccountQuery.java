package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.AccountSnapshot;

import java.util.Optional;

/** An account's snapshot. Every task holds every account (broadcast), so the partition of the key answers. */
record AccountQuery(String accountId) implements StoreQuery.ByKey<AccountSnapshot> {
    private static final JavaType TYPE = StoreQuery.type(AccountSnapshot.class);

    @Override
    public String key() {
        return accountId;
    }

    @Override
    public String store() {
        return StateStores.ACCOUNTS.name();
    }

    @Override
    public String forwardPath() {
        return "/internal/v1/accounts/" + accountId;
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<AccountSnapshot>> readFrom(LocalStores stores, int partition, boolean activeOnly) {
        return stores.get(store(), accountId, partition, activeOnly);
    }
}
