package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /internal/v1/lookups} with {@code {"paths": ["/v1/identities/123?maxLagMs=30000", ...]}}: the plain key
 * reads another instance forwards here together ({@link CoalescedLookups}), each answered by the GET route it names,
 * exactly as that GET forwarded alone would be (marked forwarded: never forwarded again; the batch's own credential,
 * which the server checked), into {@link LookupFrames}. Only the key routes listed at construction answer; any other
 * path, and the items beyond {@link #MAX_ANSWER_BYTES} of answers, are left for the sender to ask alone.
 */
final class LookupRoute {
    static final String PATH = "/internal/v1/lookups";
    /** Room for {@link CoalescedLookups#MAX_ITEMS} paths of a few hundred bytes. */
    static final int MAX_BODY_BYTES = 128 * 1024;
    /** Well under what the forwarding client buffers of one answer. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    /** The routes of the plain key reads another instance forwards ({@code StoreQuery.ByKey#forwardPath}). */
    static final Set<String> KEY_ROUTES = Set.of("/v1/identities/{ownerId}", "/v1/owners/{ownerId}",
            "/v1/extensions/{extensionId}", "/v1/extensions/{extensionId}/history", "/internal/v1/accounts/{accountId}",
            "/internal/v1/accounts/{accountId}/extension-numbers/{number}");
    private static final Logger LOG = LoggerFactory.getLogger(LookupRoute.class);

    private final Router router;
    private final Set<String> keyRoutes;

    /** @param keyRoutes the templates of the GET routes answered here, each already on {@code router} */
    LookupRoute(Router router, Set<String> keyRoutes) {
        for (String template : keyRoutes) {
            if (!router.routes().contains("GET " + template)) {
                throw new IllegalArgumentException("no route GET " + template + " to answer lookups with");
            }
        }
        this.router = router;
        this.keyRoutes = Set.copyOf(keyRoutes);
    }

    void register() {
        router.add("POST", PATH, MAX_BODY_BYTES, this::answer);
    }

    private ApiResponse answer(ApiRequest request) {
        List<JsonNode> paths = BatchBody.items(request.body(), "paths");
        if (paths.size() > CoalescedLookups.MAX_ITEMS) {
            throw new ApiError(413, "payload_too_large", "at most " + CoalescedLookups.MAX_ITEMS + " paths a request");
        }
        LookupFrames frames = new LookupFrames(paths.size());
        for (JsonNode path : paths) {
            ApiResponse answer = frames.size() < MAX_ANSWER_BYTES && path.isTextual() ? answer(path.asText(), request) : null;
            if (answer != null) {
                frames.answer(answer);
            } else {
                frames.notAnswered();
            }
        }
        return new ApiResponse(200, new LinkedHashMap<>(), frames.finish(), LookupFrames.CONTENT_TYPE);
    }

    /** The single GET's answer; null when {@code pathAndQuery} is not one of the key routes. */
    private ApiResponse answer(String pathAndQuery, ApiRequest batch) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);
        Router.Match match;
        try {
            match = router.match("GET", path);
        } catch (ApiError e) {
            return null;
        }
        if (!keyRoutes.contains(match.template())) {
            return null;
        }
        try {
            ApiRequest single = new ApiRequest("GET", path, rawQuery, match.pathParams(), ApiRequest.parseQuery(rawQuery),
                    name -> Headers.FORWARDED_BY.equals(name) ? forwardedBy(batch) : batch.header(name), new byte[0]);
            return match.handler().handle(single);
        } catch (ApiError e) {
            return ApiResponse.error(e);
        } catch (Exception e) {
            LOG.error("GET {} (in {}) failed", match.template(), PATH, e);
            return ApiResponse.error(ApiError.internal());
        }
    }

    private static String forwardedBy(ApiRequest batch) {
        String by = batch.header(Headers.FORWARDED_BY);
        return by != null ? by : "unknown";
    }
}
