package dev.rcidentity.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.ListedExtension;
import org.apache.kafka.streams.state.VersionedRecord;

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

    /**
     * The listing ({@code account-extensions}) names the page's extensions; their snapshots are read from the snapshot
     * store of the same partition, where the topology files each snapshot before it lists it.
     */
    @Override
    public Optional<LocalStores.Read<List<ExtensionSnapshot>>> readFrom(LocalStores stores, int p, boolean activeOnly) {
        Optional<LocalStores.Read<List<String>>> ids = stores.<String, ListedExtension, List<String>>scan(store(),
                StateStores.accountExtensionsFrom(accountId), StateStores.accountExtensionsTo(accountId), p, activeOnly,
                iterator -> {
                    List<String> page = new ArrayList<>();
                    long skipped = 0;
                    while (iterator.hasNext() && page.size() < limit) {
                        ListedExtension listed = iterator.next().value;
                        if (filter.matches(listed) && skipped++ >= skip) {
                            page.add(listed.extensionId());
                        }
                    }
                    return page;
                });
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        LocalStores snapshots = stores.forBatch(); // the page's snapshots without an IQv2 round each
        List<ExtensionSnapshot> records = new ArrayList<>(ids.get().value().size());
        for (String extensionId : ids.get().value()) {
            Optional<LocalStores.Read<VersionedRecord<ExtensionSnapshot>>> snapshot = snapshots.getVersioned(
                    StateStores.EXTENSIONS.name(), extensionId, null, p, activeOnly);
            if (snapshot.isEmpty()) {
                return Optional.empty();
            }
            if (snapshot.get().value() != null) {
                records.add(snapshot.get().value().value());
            }
        }
        return Optional.of(new LocalStores.Read<>(records));
    }
}
