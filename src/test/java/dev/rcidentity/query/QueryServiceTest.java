package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The serve decision, with fake placements, local stores, staleness and other instances. */
class QueryServiceTest {
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8081);
    private static final HostInfo OTHER = new HostInfo("127.0.0.1", 8082);
    private static final HostInfo THIRD = new HostInfo("127.0.0.1", 8083);
    private static final String NOT_HERE = "(not queryable here)";
    private static final ReadContext CALLER = new ReadContext(false, 30_000, "Bearer t");
    private static final ReadContext FORWARDED = new ReadContext(true, 30_000, "Bearer t");

    private record Call(HostInfo target, String path, String authorization) {
    }

    private Placement placement = new Placement(3, SELF, Set.of());
    private String activeCopy = NOT_HERE;
    private String standbyCopy = NOT_HERE;
    private long staleMs = 0;
    private final Map<HostInfo, ApiResponse> others = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    private final QueryService service = new QueryService(SELF, 6,
            new Placements() {
                @Override
                public Placement ofKey(String store, String key) {
                    return placement;
                }

                @Override
                public Placement ofPartition(int partition) {
                    return placement;
                }
            },
            new LocalReads() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Optional<LocalStores.Read<T>> read(StoreQuery<T> query, int partition, boolean activeOnly) {
                    assertEquals(3, partition);
                    String copy = activeOnly ? activeCopy : standbyCopy;
                    return NOT_HERE.equals(copy) ? Optional.empty() : Optional.of(new LocalStores.Read<>((T) copy));
                }
            },
            (store, partition) -> staleMs,
            (target, method, path, body, authorization) -> {
                calls.add(new Call(target, path, authorization));
                return Optional.ofNullable(others.get(target));
            },
            () -> { });

    private static ApiResponse answer(int status, String json, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new ApiResponse(status, map, json.getBytes(StandardCharsets.UTF_8), ApiResponse.JSON);
    }

    private Served<String> serve(ReadContext context) {
        return service.serve(new TestQuery("7"), context);
    }

    private void assertUnavailable(ReadContext context) {
        ApiError error = assertThrows(ApiError.class, () -> serve(context));
        assertEquals(503, error.status());
        assertEquals(1, error.retryAfterSeconds(), "503 says when to retry");
        assertTrue(error.getMessage().contains("partition 3 of test-store"), error.getMessage());
    }

    @Test
    void theActiveCopyHereAnswersWithoutAskingAnyone() {
        activeCopy = "mine";
        assertEquals(new Served<>("mine", "127.0.0.1:8081", Served.From.LOCAL, null), serve(CALLER));
        assertEquals(List.of(), calls);
    }

    @Test
    void aKeyHeldElsewhereIsForwardedOnceToItsActiveInstance() {
        placement = new Placement(3, OTHER, Set.of(SELF));
        standbyCopy = "my standby copy";
        others.put(OTHER, answer(200, "\"theirs\"", Headers.SERVED_BY, "127.0.0.1:8082", Headers.SERVED_FROM, "local"));
        assertEquals(new Served<>("theirs", "127.0.0.1:8082", Served.From.FORWARDED, null), serve(CALLER));
        assertEquals(List.of(new Call(OTHER, "/v1/test/7?maxLagMs=30000", "Bearer t")), calls);
    }

    @Test
    void theOtherInstancesAnswerIsRelayedAsItsBytesWithItsProvenance() {
        placement = new Placement(3, OTHER, Set.of());
        ApiResponse theirs = answer(200, "\"theirs\"  ", Headers.SERVED_BY, "127.0.0.1:8082", Headers.SERVED_FROM, "local");
        others.put(OTHER, theirs);
        ApiResponse relayed = serve(CALLER).render("none");
        assertEquals(200, relayed.status());
        assertSame(theirs.body(), relayed.body(), "not parsed and written again");
        assertEquals("forwarded", relayed.headers().get(Headers.SERVED_FROM));
        assertEquals("127.0.0.1:8082", relayed.headers().get(Headers.SERVED_BY));
    }

    @Test
    void notFoundThereIsNotFound() {
        placement = new Placement(3, OTHER, Set.of());
        others.put(OTHER, answer(404, "{\"error\": {\"code\": \"not_found\", \"message\": \"no\"}}",
                Headers.SERVED_BY, "127.0.0.1:8082", Headers.SERVED_FROM, "local"));
        assertEquals(new Served<String>(null, "127.0.0.1:8082", Served.From.FORWARDED, null), serve(CALLER));
    }

    @Test
    void anErrorOfTheOtherInstanceIsPassedOnAsItSaidIt() {
        placement = new Placement(3, OTHER, Set.of());
        others.put(OTHER, answer(401, "{\"error\": {\"code\": \"unauthorized\", \"message\": \"wrong token\"}}"));
        ApiError error = assertThrows(ApiError.class, () -> serve(CALLER));
        assertEquals(401, error.status());
        assertEquals("unauthorized", error.code());
        assertEquals("wrong token", error.getMessage());
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() {
        placement = new Placement(3, OTHER, Set.of(THIRD));
        others.put(OTHER, answer(200, "\"theirs\""));
        others.put(THIRD, answer(200, "\"third's\""));
        assertUnavailable(FORWARDED);
        assertEquals(List.of(), calls);
    }

    @Test
    void aForwardedRequestMayBeAnsweredByAStandbyCopyHere() {
        placement = new Placement(3, OTHER, Set.of(SELF));
        standbyCopy = "my standby copy";
        staleMs = 120;
        assertEquals(new Served<>("my standby copy", "127.0.0.1:8081", Served.From.STANDBY, 120L), serve(FORWARDED));
        assertEquals(List.of(), calls);
    }

    @Test
    void whenTheActiveCannotBeReachedAStandbyHereWithinMaxLagAnswers() {
        placement = new Placement(3, OTHER, Set.of(SELF));
        standbyCopy = "my standby copy";
        staleMs = 29_999;
        assertEquals(new Served<>("my standby copy", "127.0.0.1:8081", Served.From.STANDBY, 29_999L), serve(CALLER));
        assertEquals(1, calls.size(), "the active was tried first");
    }

    @Test
    void aStandbyBeyondMaxLagDoesNotAnswer() {
        placement = new Placement(3, OTHER, Set.of(SELF));
        standbyCopy = "my standby copy";
        staleMs = 30_001;
        assertUnavailable(CALLER);
        staleMs = 500;
        assertUnavailable(new ReadContext(false, 499, null));
    }

    @Test
    void anotherInstancesStandbyAnswersWhenNothingHereCanAndSaysHowStale() {
        placement = new Placement(3, OTHER, Set.of(THIRD));
        others.put(OTHER, answer(503, "{}", Headers.RETRY_AFTER, "1"));
        others.put(THIRD, answer(200, "\"third's\"", Headers.SERVED_BY, "127.0.0.1:8083", Headers.SERVED_FROM, "standby",
                Headers.STALE_MS, "42"));
        ReadContext strict = new ReadContext(false, 1_000, null);
        assertEquals(new Served<>("third's", "127.0.0.1:8083", Served.From.STANDBY, 42L), service.serve(new TestQuery("7"), strict));
        assertEquals(List.of(new Call(OTHER, "/v1/test/7?maxLagMs=1000", null), new Call(THIRD, "/v1/test/7?maxLagMs=1000", null)),
                calls);
    }

    @Test
    void nobodyAbleToAnswerIs503WithRetryAfter() {
        placement = new Placement(3, OTHER, Set.of(THIRD));
        assertUnavailable(CALLER);
        assertEquals(2, calls.size(), "the active and the standby were each asked once");
    }

    @Test
    void anActiveCopyHereThatIsNotQueryableYetFallsBackToItsStandbyReadOr503() {
        placement = new Placement(3, SELF, Set.of(OTHER));
        others.put(OTHER, answer(503, "{}"));
        assertUnavailable(CALLER);
        standbyCopy = "restoring copy";
        staleMs = 10;
        assertEquals(Served.From.STANDBY, serve(CALLER).from());
    }

    @Test
    void theAnswerCarriesHowItWasServed() {
        ApiResponse standby = new Served<>("x", "127.0.0.1:8083", Served.From.STANDBY, 42L).render("none");
        assertEquals(200, standby.status());
        assertEquals("\"x\"", new String(standby.body(), StandardCharsets.UTF_8));
        assertEquals(Map.of(Headers.SERVED_BY, "127.0.0.1:8083", Headers.SERVED_FROM, "standby", Headers.STALE_MS, "42"),
                standby.headers());
        ApiResponse missing = new Served<String>(null, "127.0.0.1:8081", Served.From.LOCAL, null).render("no such thing");
        assertEquals(404, missing.status());
        assertEquals("{\"error\":{\"code\":\"not_found\",\"message\":\"no such thing\"}}",
                new String(missing.body(), StandardCharsets.UTF_8));
        assertEquals("local", missing.headers().get(Headers.SERVED_FROM));
    }
}
