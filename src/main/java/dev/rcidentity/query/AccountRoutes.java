package dev.rcidentity.query;

/**
 * {@code GET /v1/accounts/{accountId}} and its paged extension listing, and the per-partition reads other instances
 * ask for when they gather an account's extensions.
 */
final class AccountRoutes {
    private final QueryService queries;
    private final AccountListing listing;

    AccountRoutes(QueryService queries) {
        this.queries = queries;
        this.listing = new AccountListing(queries);
    }

    void register(Router router) {
        router.add("GET", "/v1/accounts/{accountId}", this::account);
        router.add("GET", "/v1/accounts/{accountId}/extensions", this::extensions);
        router.add("GET", "/internal/v1/accounts/{accountId}", this::accountSnapshot);
        router.add("GET", "/internal/v1/partitions/{partition}/accounts/{accountId}/extension-counts", this::partitionCounts);
        router.add("GET", "/internal/v1/partitions/{partition}/accounts/{accountId}/extensions", this::partitionSlice);
    }

    private ApiResponse account(ApiRequest request) {
        String accountId = request.id("accountId");
        return listing.account(accountId, ReadContext.of(request)).render(noAccount(accountId));
    }

    private ApiResponse extensions(ApiRequest request) {
        AccountExtensionsQuery query = AccountExtensionsQuery.from(request);
        return ApiResponse.json(200, listing.page(query, ReadContext.of(request)));
    }

    private ApiResponse accountSnapshot(ApiRequest request) {
        String accountId = request.id("accountId");
        return queries.serve(new AccountQuery(accountId), ReadContext.of(request)).render(noAccount(accountId));
    }

    private ApiResponse partitionCounts(ApiRequest request) {
        PartitionCountsQuery query = new PartitionCountsQuery(request.id("accountId"), partition(request));
        return queries.serve(query, ReadContext.of(request)).render("no counts");
    }

    private ApiResponse partitionSlice(ApiRequest request) {
        PartitionSliceQuery query = new PartitionSliceQuery(request.id("accountId"), partition(request),
                request.longParam("skip", 0, 0, Long.MAX_VALUE),
                request.longParam("limit", 100, 1, AccountExtensionsQuery.MAX_PER_PAGE), ExtensionFilter.from(request));
        return queries.serve(query, ReadContext.of(request)).render("no extensions");
    }

    private int partition(ApiRequest request) {
        return (int) request.longPathParam("partition", 0, queries.partitions() - 1);
    }

    private static String noAccount(String accountId) {
        return "no account " + accountId;
    }
}
