package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch resolution for warehouses and integrations: {@code POST /v1/owners/resolve} (owner ids -> owners) and
 * {@code POST /v1/numbers/resolve} (account, extension number, time -> the extension snapshot that held the number
 * then: the number index names the extension, then its snapshot as of that time, each step one batch). Results come in
 * request order; an item that fails says why, and the others are answered. Also the internal routes other instances
 * send the keys this instance owns to.
 */
final class BatchRoutes {
    private final BatchReads batches;
    private final BatchKind<NumberHolderQuery, NumberHolderQuery.Holder> numberHolders;
    private final NumberResolution numbers;

    BatchRoutes(QueryService queries, Clock clock) {
        this.batches = new BatchReads(queries);
        this.numberHolders = BatchKinds.numberHolders(clock);
        this.numbers = new NumberResolution(queries, batches, numberHolders);
    }

    void register(Router router) {
        router.add("POST", "/v1/owners/resolve", BatchBody.MAX_BODY_BYTES, this::owners);
        router.add("POST", "/v1/numbers/resolve", BatchBody.MAX_BODY_BYTES, this::numbers);
        internal(router, BatchKinds.OWNERS);
        router.add("POST", numberHolders.path(), BatchBody.MAX_BODY_BYTES, numbers::answer);
        internal(router, BatchKinds.EXTENSIONS_AT);
    }

    private <Q extends StoreQuery.ByKey<T>, T> void internal(Router router, BatchKind<Q, T> kind) {
        router.add("POST", kind.path(), BatchBody.MAX_BODY_BYTES, request -> batches.answer(kind, request));
    }

    private ApiResponse owners(ApiRequest request) {
        List<JsonNode> ids = BatchBody.items(request.body(), "ownerIds");
        List<BatchItem<OwnerQuery.Owner>> answers = batches.serveParsed(BatchKinds.OWNERS,
                BatchBody.parse(BatchKinds.OWNERS, ids), ReadContext.of(request));
        BatchWriter out = new BatchWriter(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            write(out, answers.get(i), Map.of("ownerId", ids.get(i)));
        }
        return render(out, answers);
    }

    private ApiResponse numbers(ApiRequest request) {
        List<JsonNode> queries = BatchBody.items(request.body(), "queries");
        List<BatchItem<?>> answers = numbers.resolve(BatchBody.parse(numberHolders, queries), ReadContext.of(request));
        BatchWriter out = new BatchWriter(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            write(out, answers.get(i), echo(queries.get(i)));
        }
        return render(out, answers);
    }

    /** What the caller sent for a failed number query, so that the failure can be matched to its row. */
    private static Map<String, Object> echo(JsonNode query) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : List.of("accountId", "extensionNumber", "at")) {
            fields.put(field, query.isObject() ? query.get(field) : null);
        }
        return fields;
    }

    /** An answer as it is, a failure as the item that failed ({@code naming}) and its error. */
    private static void write(BatchWriter out, BatchItem<?> answer, Map<String, Object> naming) {
        if (answer.answered()) {
            out.answer(answer);
        } else {
            out.failure(naming, answer.error());
        }
    }

    private static ApiResponse render(BatchWriter out, List<? extends BatchItem<?>> answers) {
        ApiResponse response = new ApiResponse(200, new LinkedHashMap<>(), out.finish(Map.of()), ApiResponse.JSON);
        String servedBy = BatchReads.servedBy(answers);
        return servedBy.isEmpty() ? response : response.withHeader(Headers.SERVED_BY, servedBy);
    }
}
