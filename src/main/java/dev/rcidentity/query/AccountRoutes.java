package dev.rcidentity.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An account with its extension counts, and the paged listing of its extensions. An account's extensions live in
 * every partition, so both gather per-partition answers: first the counts (small, maintained as extensions change),
 * which locate the requested page among the partitions, then only the slices that page needs. Pages enumerate the
 * partitions in order and each partition's extensions by id: stable while the data does not change, no full scan.
 */
final class AccountRoutes {
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<ExtensionSnapshot>> RECORDS = new TypeReference<>() {
    };
    static final int MAX_PER_PAGE = 1000;

    private final QueryService queries;
    private final StringSerializer keys = new StringSerializer();

    AccountRoutes(QueryService queries) {
        this.queries = queries;
    }

    void register(Router router) {
        router.add("GET", "/v1/accounts/{accountId}", this::account);
        router.add("GET", "/v1/accounts/{accountId}/extensions", this::extensions);
        router.add("GET", "/internal/v1/accounts/{accountId}", this::accountSnapshot);
        router.add("GET", "/internal/v1/partitions/{partition}/accounts/{accountId}/extension-counts", this::partitionCounts);
        router.add("GET", "/internal/v1/partitions/{partition}/accounts/{accountId}/extensions", this::partitionSlice);
    }

    private ApiResponse account(ApiRequest request) throws IOException {
        String accountId = request.id("accountId");
        ApiResponse snapshot = snapshot(request, accountId);
        if (snapshot.status() != 200) {
            return snapshot;
        }
        Map<String, Object> body = Json.MAPPER.readValue(snapshot.body(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        Map<String, Long> byStatus = new TreeMap<>();
        for (Map<String, Long> counts : allCounts(request, accountId)) {
            counts.forEach((statusAndType, n) -> byStatus.merge(statusAndType.substring(0, statusAndType.indexOf('/')), n, Long::sum));
        }
        body.put("extensionCounts", byStatus);
        ApiResponse response = ApiResponse.json(200, body);
        snapshot.headers().forEach(response::withHeader);
        return response;
    }

    private ApiResponse accountSnapshot(ApiRequest request) {
        return snapshot(request, request.id("accountId"));
    }

    /** Every task holds every account (broadcast), so whichever partition the key maps to can answer. */
    private ApiResponse snapshot(ApiRequest request, String accountId) {
        String store = StateStores.ACCOUNTS.name();
        return queries.answerKey(request, store, accountId, keys, "/internal/v1/accounts/" + accountId, (partition, activeOnly) ->
                queries.stores.<String, AccountSnapshot>get(store, accountId, partition, activeOnly)
                        .map(read -> read.value() == null
                                ? ApiResponse.error(ApiException.notFound("no account " + accountId))
                                : ApiResponse.json(200, read.value())));
    }

    private ApiResponse extensions(ApiRequest request) throws IOException {
        String accountId = request.id("accountId");
        int page = request.intParam("page", 1, 1, 1_000_000);
        int perPage = request.intParam("perPage", 100, 1, MAX_PER_PAGE);
        ExtensionFilter filter = new ExtensionFilter(request.params("status"), request.params("type"));

        List<Map<String, Long>> counts = allCounts(request, accountId);
        long[] matching = new long[counts.size()];
        long total = 0;
        for (int p = 0; p < counts.size(); p++) {
            matching[p] = filter.count(counts.get(p));
            total += matching[p];
        }
        long offset = (long) (page - 1) * perPage;
        List<ExtensionSnapshot> records = new ArrayList<>();
        for (int p = 0; p < matching.length && records.size() < perPage; p++) {
            if (offset >= matching[p]) {
                offset -= matching[p];
                continue;
            }
            long take = Math.min(perPage - records.size(), matching[p] - offset);
            records.addAll(slice(request, accountId, p, offset, take, filter));
            offset = 0;
        }
        long pageStart = (long) (page - 1) * perPage;
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("page", page);
        paging.put("perPage", perPage);
        if (!records.isEmpty()) {
            paging.put("pageStart", pageStart);
            paging.put("pageEnd", pageStart + records.size() - 1);
        }
        paging.put("totalPages", (total + perPage - 1) / perPage);
        paging.put("totalElements", total);
        return ApiResponse.json(200, Map.of("records", records, "paging", paging));
    }

    private List<Map<String, Long>> allCounts(ApiRequest request, String accountId) throws IOException {
        List<Map<String, Long>> all = new ArrayList<>();
        for (int p = 0; p < queries.partitions(); p++) {
            ApiResponse response = partitionCounts(request, accountId, p);
            if (response.status() != 200) {
                throw new ApiException(response.status(), "unavailable", "partition " + p + " could not be counted", 1);
            }
            all.add(Json.MAPPER.readValue(response.body(), COUNTS));
        }
        return all;
    }

    private ApiResponse partitionCounts(ApiRequest request) {
        return partitionCounts(request, request.id("accountId"), partition(request));
    }

    private ApiResponse partitionCounts(ApiRequest request, String accountId, int partition) {
        String store = StateStores.ACCOUNT_EXTENSION_COUNTS.name();
        String prefix = StateStores.accountExtensionsFrom(accountId);
        String path = "/internal/v1/partitions/" + partition + "/accounts/" + accountId + "/extension-counts";
        return queries.answerPartition(request, store, partition, path, (p, activeOnly) ->
                queries.stores.<String, Long, Map<String, Long>>scan(store, prefix, StateStores.accountExtensionsTo(accountId),
                        p, activeOnly, iterator -> {
                            Map<String, Long> counts = new TreeMap<>();
                            while (iterator.hasNext()) {
                                KeyValue<String, Long> entry = iterator.next();
                                counts.put(entry.key.substring(prefix.length()), entry.value);
                            }
                            return counts;
                        }).map(read -> ApiResponse.json(200, read.value())));
    }

    private List<ExtensionSnapshot> slice(ApiRequest request, String accountId, int partition, long skip, long limit,
                                          ExtensionFilter filter) throws IOException {
        ApiResponse response = partitionSlice(request, accountId, partition, skip, limit, filter);
        if (response.status() != 200) {
            throw new ApiException(response.status(), "unavailable", "partition " + partition + " could not be listed", 1);
        }
        return Json.MAPPER.readValue(response.body(), RECORDS);
    }

    private ApiResponse partitionSlice(ApiRequest request) {
        return partitionSlice(request, request.id("accountId"), partition(request),
                request.longParam("skip", 0, 0, Long.MAX_VALUE), request.longParam("limit", 100, 1, MAX_PER_PAGE),
                new ExtensionFilter(request.params("status"), request.params("type")));
    }

    private ApiResponse partitionSlice(ApiRequest request, String accountId, int partition, long skip, long limit,
                                       ExtensionFilter filter) {
        String store = StateStores.ACCOUNT_EXTENSIONS.name();
        String path = "/internal/v1/partitions/" + partition + "/accounts/" + accountId + "/extensions?skip=" + skip
                + "&limit=" + limit + filter.query();
        return queries.answerPartition(request, store, partition, path, (p, activeOnly) ->
                queries.stores.<String, ExtensionSnapshot, List<ExtensionSnapshot>>scan(store,
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
                        }).map(read -> ApiResponse.json(200, read.value())));
    }

    private int partition(ApiRequest request) {
        try {
            int partition = Integer.parseInt(request.pathParams().get("partition"));
            if (partition < 0 || partition >= queries.partitions()) {
                throw ApiException.badRequest("no partition " + partition);
            }
            return partition;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("partition must be a whole number");
        }
    }
}
