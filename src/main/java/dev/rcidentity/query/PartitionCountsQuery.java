package dev.rcidentity.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.Json;
import org.apache.kafka.streams.KeyValue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One partition's counts of an account's extensions, keyed {@code status/type}. */
record PartitionCountsQuery(String accountId, int partition) implements StoreQuery.ByPartition<Map<String, Long>> {
    private static final JavaType TYPE = Json.MAPPER.getTypeFactory().constructType(new TypeReference<TreeMap<String, Long>>() {
    });

    @Override
    public String store() {
        return StateStores.ACCOUNT_EXTENSION_COUNTS.name();
    }

    @Override
    public String forwardPath() {
        return "/internal/v1/partitions/" + partition + "/accounts/" + accountId + "/extension-counts";
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<Map<String, Long>>> readFrom(LocalStores stores, int p, boolean activeOnly) {
        String prefix = StateStores.accountExtensionsFrom(accountId);
        return stores.<String, Long, Map<String, Long>>scan(store(), prefix, StateStores.accountExtensionsTo(accountId), p,
                activeOnly, iterator -> {
                    Map<String, Long> counts = new TreeMap<>();
                    while (iterator.hasNext()) {
                        KeyValue<String, Long> entry = iterator.next();
                        counts.put(entry.key.substring(prefix.length()), entry.value);
                    }
                    return counts;
                });
    }
}
