package dev.rcidentity.query;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouterTest {
    private static final Handler OK = request -> ApiResponse.text(200, "ok", "text/plain");
    private final Router router = new Router()
            .add("GET", "/v1/identities/{ownerId}", OK)
            .add("GET", "/v1/extensions/{extensionId}/history", OK)
            .add("GET", "/v1/accounts/{accountId}/extension-numbers/{number}", OK)
            .add("POST", "/v1/logins", OK);

    @Test
    void matchesATemplateAndNamesItsParameters() {
        Router.Match match = router.match("GET", "/v1/accounts/42/extension-numbers/420");
        assertEquals("/v1/accounts/{accountId}/extension-numbers/{number}", match.template());
        assertEquals(Map.of("accountId", "42", "number", "420"), match.pathParams());
        assertEquals(Map.of("ownerId", "7"), router.match("GET", "/v1/identities/7").pathParams());
        assertEquals(Map.of(), router.match("POST", "/v1/logins").pathParams());
    }

    @Test
    void aParameterIsOneWholeSegment() {
        assertEquals(404, assertThrows(ApiError.class, () -> router.match("GET", "/v1/identities/7/more")).status());
        assertEquals(404, assertThrows(ApiError.class, () -> router.match("GET", "/v1/identities/")).status());
        assertEquals("/v1/extensions/{extensionId}/history",
                router.match("GET", "/v1/extensions/9/history").template());
        for (String path : List.of("/v1/extensions/9/historyX", "/v1/extensions/9/histor", "/v1/extensions//history",
                "/v1/accounts/42/extension-numbers/", "/v1/accounts//extension-numbers/420",
                "/v1/accounts/42/extension-numbers/420/x", "/v1/accounts/42/extension-number/420")) {
            assertEquals(404, assertThrows(ApiError.class, () -> router.match("GET", path)).status(), path);
        }
    }

    @Test
    void refusesATemplateWhoseParameterIsPartOfASegment() {
        for (String template : List.of("/files/{name}.json", "/files/x{name}", "/a/{x}b/{y}", "/a/{x}{y}")) {
            assertThrows(IllegalArgumentException.class, () -> new Router().add("GET", template, OK), template);
        }
        assertEquals(Map.of("a", "1", "b", "2"), new Router().add("GET", "/{a}/{b}/", OK).match("GET", "/1/2/").pathParams());
    }

    @Test
    void aTemplateWithoutParametersMatchesOnlyItsWholeText() {
        assertEquals(404, assertThrows(ApiError.class, () -> router.match("POST", "/v1/loginsX")).status());
        assertEquals(404, assertThrows(ApiError.class, () -> router.match("POST", "/v1/login")).status());
        assertEquals(404, assertThrows(ApiError.class, () -> router.match("POST", "/v1/logins/")).status());
    }

    @Test
    void listsItsRoutesInOrder() {
        assertEquals(List.of("GET /v1/identities/{ownerId}", "GET /v1/extensions/{extensionId}/history",
                "GET /v1/accounts/{accountId}/extension-numbers/{number}", "POST /v1/logins"), router.routes());
    }

    @Test
    void unknownPathsAre404AndKnownPathsWithAnotherMethod405() {
        ApiError notFound = assertThrows(ApiError.class, () -> router.match("GET", "/v2/identities/7"));
        assertEquals(404, notFound.status());
        assertEquals("not_found", notFound.code());
        ApiError wrongMethod = assertThrows(ApiError.class, () -> router.match("GET", "/v1/logins"));
        assertEquals(405, wrongMethod.status());
        assertEquals("method_not_allowed", wrongMethod.code());
        assertEquals(405, assertThrows(ApiError.class, () -> router.match("DELETE", "/v1/identities/7")).status());
    }
}
