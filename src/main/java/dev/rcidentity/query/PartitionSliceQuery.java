package dev.rcidentity.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Up to {@code limit} of an account's extensions in one partition that match the filter, after skipping {@code skip}. */
record PartitionSliceQuery(String accountId, int partition, long skip, long limit, ExtensionFilter filter)
        implements StoreQuery.ByPartition<List<ExtensionSnapshot>> {
    private static final JavaType TYPE = Json.MAPPER.getTypeFactory().constructType(new TypeReference<List<ExtensionSnapshot>>() {
    });

    @Override
    public String store() {
        return StateStores.ACCOUNT_EXTENSIONS.name();
    }

    @Override
    public String forwardPath() {
        return "/internal/v1/partitions/" + partition + "/accounts/" + accountId + "/extensions?skip=" + skip
                + "&limit=" + limit + filter.query();
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<List<ExtensionSnapshot>>> readFrom(LocalStores stores, int p, boolean activeOnly) {
        return stores.<String, ExtensionSnapshot, List<ExtensionSnapshot>>scan(store(),
                StateStores.accountExtensionsFrom(accountId), StateStores.accountExtensionsTo(accountId), p, activeOnly,
                iterator -> {
                    List<ExtensionSnapshot> records = new ArrayList<>();
                    long skipped = 0;
                    while (iterator.hasNext() && records.size() < limit) {
                        ExtensionSnapshot snapshot = iterator.next().value;
                        if (filter.matches(snapshot) && skipped++ >= skip) {
                            records.add(snapshot);
                        }
                    }
                    return records;
                });
    }
}
