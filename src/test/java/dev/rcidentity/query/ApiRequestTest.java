package dev.rcidentity.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiRequestTest {
    private static ApiRequest request(String rawQuery, Map<String, String> pathParams) {
        return new ApiRequest("GET", "/x", rawQuery, pathParams, ApiRequest.parseQuery(rawQuery), name -> null, new byte[0]);
    }

    private static ApiRequest query(String rawQuery) {
        return request(rawQuery, Map.of());
    }

    private static void assertBadRequest(Runnable read, String mentions) {
        ApiError error = assertThrows(ApiError.class, read::run);
        assertEquals(400, error.status());
        assertEquals("bad_request", error.code());
        assertTrue(error.getMessage().contains(mentions), error.getMessage());
    }

    @Test
    void queryStringsDecodeNamesAndValuesAndKeepRepeats() {
        assertEquals(Map.of("a", List.of("1", "x y"), "b", List.of(""), "c d", List.of("é")),
                ApiRequest.parseQuery("a=1&a=x+y&b&&c%20d=%C3%A9"));
        assertEquals(Map.of(), ApiRequest.parseQuery(null));
        assertEquals(Map.of(), ApiRequest.parseQuery(""));
    }

    @Test
    void malformedPercentEscapesAre400() {
        assertBadRequest(() -> ApiRequest.parseQuery("a=%zz"), "query string");
        assertBadRequest(() -> ApiRequest.parseQuery("a=%4"), "query string");
        assertBadRequest(() -> ApiRequest.parseQuery("%=1"), "query string");
    }

    @Test
    void anEmptyParameterIsAbsent() {
        assertNull(query("at=").param("at"));
        assertNull(query(null).param("at"));
        assertEquals("1", query("at=1&at=2").param("at"));
    }

    @Test
    void repeatableParametersAlsoTakeCommaSeparatedValues() {
        assertEquals(List.of("Enabled", "Disabled", "Unassigned"),
                query("status=Enabled,%20Disabled&status=Unassigned&status=").params("status"));
        assertEquals(List.of(), query(null).params("status"));
    }

    @Test
    void idsAreDecimalAndNamedWhenMalformed() {
        assertEquals("1339290096", request(null, Map.of("ownerId", "1339290096")).id("ownerId"));
        assertBadRequest(() -> request(null, Map.of("ownerId", "12x")).id("ownerId"), "ownerId");
        assertBadRequest(() -> request(null, Map.of("ownerId", "-1")).id("ownerId"), "ownerId");
        assertBadRequest(() -> request(null, Map.of()).id("ownerId"), "ownerId");
    }

    @Test
    void wholeNumbersHaveDefaultsAndBounds() {
        assertEquals(100, query(null).intParam("perPage", 100, 1, 1000));
        assertEquals(1000, query("perPage=1000").intParam("perPage", 100, 1, 1000));
        assertBadRequest(() -> query("perPage=1001").intParam("perPage", 100, 1, 1000), "perPage must be between 1 and 1000");
        assertBadRequest(() -> query("page=0").intParam("page", 1, 1, 10), "page");
        assertBadRequest(() -> query("page=zero").intParam("page", 1, 1, 10), "page must be a whole number");
        assertBadRequest(() -> query("page=99999999999999999999").longParam("page", 1, 1, 10), "page");
        assertEquals(3, request(null, Map.of("partition", "3")).longPathParam("partition", 0, 5));
        assertBadRequest(() -> request(null, Map.of("partition", "6")).longPathParam("partition", 0, 5), "partition");
        assertBadRequest(() -> request(null, Map.of()).longPathParam("partition", 0, 5), "partition");
    }

    @Test
    void instantsAreIso8601InUtcOrWithAnOffset() {
        Instant fallback = Instant.EPOCH;
        assertEquals(fallback, query(null).instantParam("at", fallback));
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), query("at=2026-03-01T09:00:00Z").instantParam("at", fallback));
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"),
                query("at=2026-03-01T09:00:00%2B01:00").instantParam("at", fallback));
        assertBadRequest(() -> query("at=yesterday").instantParam("at", fallback), "at must be an ISO-8601 time");
        assertBadRequest(() -> query("at=2026-03-01").instantParam("at", fallback), "at");
    }
}
