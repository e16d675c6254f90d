package dev.rcidentity.contract;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker the API tests rely on accepts what the document allows and refuses what it does not. */
class ApiContractTest {
    private static final Map<String, String> JSON = Map.of("content-type", "application/json");
    private static final String ERROR = "{\"error\": {\"code\": \"not_found\", \"message\": \"no identity for owner 7\"}}";
    private static final String IDENTITY = """
            {"ownerId":"400101","extensionId":"400101","accountId":"400001","resolution":"RESOLVED","accountRoot":false,
             "extensionNumber":"420","name":"Alice","type":"User","status":"Enabled","admin":false,
             "account":{"companyName":"Acme","mainNumber":"+16505550100","status":"Confirmed"},
             "firstLoginAt":"2026-03-01T09:02:00Z","lastLoginAt":"2026-03-01T09:02:00Z","loginCount":1,
             "extensionNumberAtLogin":"420","updatedAt":"2026-03-01T09:02:00Z"}""";

    @Test
    void findsTheTemplateOfAPathLiteralSegmentsFirst() {
        assertEquals("/v1/owners/resolve", ApiContract.template("/v1/owners/resolve"));
        assertEquals("/v1/owners/{ownerId}", ApiContract.template("/v1/owners/42"));
        assertEquals("/", ApiContract.template("/"));
        assertEquals(null, ApiContract.template("/v1/nothing"));
    }

    @Test
    void documentedAnswersPass() {
        assertDoesNotThrow(() -> ApiContract.assertConforms("GET", "/v1/identities/400101", 200,
                Map.of("content-type", "application/json", "x-served-from", "local"), IDENTITY));
        assertDoesNotThrow(() -> ApiContract.assertConforms("GET", "/v1/identities/7?maxLagMs=5", 404, JSON, ERROR));
        assertDoesNotThrow(() -> ApiContract.assertConforms("GET", "/v1/nothing", 404, JSON, ERROR));
        assertDoesNotThrow(() -> ApiContract.assertConforms("GET", "/", 304, Map.of(), ""));
    }

    @Test
    void answersTheDocumentDoesNotAllowFail() {
        assertFails("GET", "/v1/identities/400101", 200, JSON, IDENTITY.replace("\"loginCount\":1", "\"loginCount\":0"), "loginCount");
        assertFails("GET", "/v1/identities/400101", 200, JSON, IDENTITY.replace("2026-03-01T09:02:00Z\",\"loginCount",
                "yesterday\",\"loginCount"), "lastLoginAt");
        assertFails("GET", "/v1/identities/7", 404, JSON, "{\"error\": {\"code\": \"not_found\"}}", "message");
        assertFails("GET", "/v1/identities/7", 418, JSON, ERROR, "not documented");
        assertFails("GET", "/v1/identities/7", 404, Map.of("content-type", "text/html"), ERROR, "text/html");
        assertFails("GET", "/v1/identities/7", 503, JSON, ERROR.replace("not_found", "unavailable"), "Retry-After");
        assertFails("GET", "/v1/identities/400101", 200, Map.of("content-type", "application/json", "x-served-from", "cache"),
                IDENTITY, "X-Served-From");
        assertFails("GET", "/v1/nothing", 200, JSON, IDENTITY, "404 or 405");
    }

    private static void assertFails(String method, String path, int status, Map<String, String> headers, String body,
                                    String why) {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ApiContract.assertConforms(method, path, status, headers, body));
        assertTrue(error.getMessage().contains(why), error.getMessage());
    }
}
