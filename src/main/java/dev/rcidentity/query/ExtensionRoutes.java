package dev.rcidentity.query;

import dev.rcidentity.model.ExtensionHistory;

import java.time.Clock;
import java.time.Instant;

/**
 * An extension as of now or a time, its type-2 history, and which extension held a number at a time (two reads: the
 * number index names the extension, then that extension's snapshot as of the same time).
 */
final class ExtensionRoutes {
    private final QueryService queries;
    private final Clock clock;

    ExtensionRoutes(QueryService queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/v1/extensions/{extensionId}", this::extension);
        router.add("GET", "/v1/extensions/{extensionId}/history", this::history);
        router.add("GET", "/v1/accounts/{accountId}/extension-numbers/{number}", this::numberHolder);
        router.add("GET", "/internal/v1/accounts/{accountId}/extension-numbers/{number}", this::numberHolderId);
    }

    private ApiResponse extension(ApiRequest request) {
        ExtensionQuery query = new ExtensionQuery(request.id("extensionId"), request.instantParam("at", null));
        return queries.serve(query, ReadContext.of(request)).render(query.notFound());
    }

    private ApiResponse history(ApiRequest request) {
        String extensionId = request.id("extensionId");
        Served<ExtensionHistory> history = queries.serve(new HistoryQuery(extensionId), ReadContext.of(request));
        return history.render("no history for extension " + extensionId);
    }

    private ApiResponse numberHolder(ApiRequest request) {
        NumberHolderQuery query = numberQuery(request);
        ReadContext context = ReadContext.of(request);
        Served<NumberHolderQuery.Holder> holder = queries.serve(query, context);
        if (holder.value() == null) {
            return holder.render(query.notFound());
        }
        ExtensionQuery snapshot = new ExtensionQuery(holder.value().extensionId(), query.at());
        return queries.serve(snapshot, context).render(snapshot.notFound());
    }

    private ApiResponse numberHolderId(ApiRequest request) {
        NumberHolderQuery query = numberQuery(request);
        return queries.serve(query, ReadContext.of(request)).render(query.notFound());
    }

    private NumberHolderQuery numberQuery(ApiRequest request) {
        String accountId = request.id("accountId");
        String number = NumberHolderQuery.requireNumber("number", request.pathParams().get("number"));
        return new NumberHolderQuery(accountId, number, request.instantParam("at", clock.instant()));
    }
}
