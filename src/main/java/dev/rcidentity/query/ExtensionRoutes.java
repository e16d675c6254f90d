package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Ids;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.NumberHoldings;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.VersionedRecord;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.rcidentity.query.IdentityRoutes.query;

/**
 * An extension as of now or a time, its type-2 history, and which extension held a number at a time (two lookups:
 * the number index names the extension, then that extension's snapshot as of the same time).
 */
final class ExtensionRoutes {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,16}");

    private final QueryService queries;
    private final Clock clock;
    private final StringSerializer keys = new StringSerializer();

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
        String extensionId = request.id("extensionId");
        Instant at = request.instantParam("at", null);
        return snapshot(request, extensionId, at);
    }

    private ApiResponse snapshot(ApiRequest request, String extensionId, Instant at) {
        String store = StateStores.EXTENSIONS.name();
        String forwardTo = "/v1/extensions/" + extensionId + (at == null ? "" : "?at=" + encode(at.toString()));
        return queries.answerKey(request, store, extensionId, keys, forwardTo, (partition, activeOnly) ->
                queries.stores.<String, ExtensionSnapshot>getVersioned(store, extensionId, at, partition, activeOnly)
                        .map(read -> found(read.value(), "no snapshot of extension " + extensionId
                                + (at == null ? "" : " at " + at))));
    }

    private ApiResponse history(ApiRequest request) {
        String extensionId = request.id("extensionId");
        String store = StateStores.EXTENSION_HISTORY.name();
        return queries.answerKey(request, store, extensionId, keys, request.path() + query(request), (partition, activeOnly) ->
                queries.stores.<String, ExtensionHistory>get(store, extensionId, partition, activeOnly)
                        .map(read -> read.value() == null
                                ? ApiResponse.error(ApiException.notFound("no history for extension " + extensionId))
                                : ApiResponse.json(200, Map.of("rows", read.value().rows()))));
    }

    private ApiResponse numberHolder(ApiRequest request) throws IOException {
        String accountId = request.id("accountId");
        String number = number(request);
        Instant at = request.instantParam("at", clock.instant());
        ApiResponse holder = holderId(request, accountId, number, at);
        if (holder.status() != 200) {
            return holder;
        }
        JsonNode body = Json.MAPPER.readTree(holder.body());
        return snapshot(request, body.path("extensionId").asText(), at);
    }

    private ApiResponse numberHolderId(ApiRequest request) {
        return holderId(request, request.id("accountId"), number(request), request.instantParam("at", clock.instant()));
    }

    private ApiResponse holderId(ApiRequest request, String accountId, String number, Instant at) {
        String store = StateStores.EXTENSION_NUMBERS.name();
        String key = StateStores.numberKey(accountId, number);
        String forwardTo = "/internal/v1/accounts/" + accountId + "/extension-numbers/" + number + "?at=" + encode(at.toString());
        return queries.answerKey(request, store, key, keys, forwardTo, (partition, activeOnly) ->
                queries.stores.<String, NumberHoldings>get(store, key, partition, activeOnly)
                        .map(read -> Optional.ofNullable(read.value()).flatMap(h -> h.holderAt(at))
                                .map(holder -> ApiResponse.json(200, Map.of("extensionId", holder)))
                                .orElseGet(() -> ApiResponse.error(ApiException.notFound("no extension of account "
                                        + accountId + " held number " + number + " at " + at)))));
    }

    private static String number(ApiRequest request) {
        String number = request.pathParams().get("number");
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw ApiException.badRequest("number must be an extension number (digits), got '"
                    + Ids.abbreviate(number) + "'");
        }
        return number;
    }

    private static <V> ApiResponse found(VersionedRecord<V> record, String notFound) {
        return record == null ? ApiResponse.error(ApiException.notFound(notFound)) : ApiResponse.json(200, record.value());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
