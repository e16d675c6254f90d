package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Coalescing of forwarded key reads, against a fake other instance whose answers the test gives when it wants. */
class CoalescedLookupsTest {
    private static final HostInfo B = new HostInfo("127.0.0.1", 8082);
    private static final HostInfo C = new HostInfo("127.0.0.1", 8083);
    private static final String ALICE = "Bearer alice";
    private static final String BOB = "Bearer bob";

    private record Call(HostInfo target, String method, String path, byte[] body, String authorization,
                        CompletableFuture<Optional<ApiResponse>> answer) {
        List<String> paths() throws IOException {
            List<String> paths = new ArrayList<>();
            Json.MAPPER.readTree(body).get("paths").forEach(path -> paths.add(path.asText()));
            return paths;
        }
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final CoalescedLookups lookups = new CoalescedLookups(new Instances() {
        @Override
        public Optional<ApiResponse> exchange(HostInfo target, String method, String path, byte[] body, String auth) {
            throw new AssertionError("everything goes asynchronously");
        }

        @Override
        public CompletableFuture<Optional<ApiResponse>> exchangeAsync(HostInfo target, String method, String path,
                                                                      byte[] body, String auth) {
            Call call = new Call(target, method, path, body, auth, new CompletableFuture<>());
            calls.add(call);
            return call.answer();
        }
    }, Duration.ofSeconds(10));
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private Future<Optional<ApiResponse>> lookup(HostInfo target, String path, String authorization) {
        return callers.submit(() -> lookups.lookup(target, path, authorization));
    }

    private Call nextCall() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        assertNotNull(call, "a request was sent");
        return call;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail(what);
            }
            Thread.sleep(5); // the poll interval of a wait on a condition
        }
    }

    private static ApiResponse answer(int status, String body) {
        return new ApiResponse(status, new java.util.LinkedHashMap<>(Map.of(Headers.SERVED_BY, "b:1")),
                body.getBytes(StandardCharsets.UTF_8), ApiResponse.JSON);
    }

    private static String body(Future<Optional<ApiResponse>> answer) throws Exception {
        return new String(answer.get(10, TimeUnit.SECONDS).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    /** Two reads to B in flight (alone, as single GETs): what comes next waits. */
    private List<Call> twoInFlight(HostInfo target, String authorization) throws InterruptedException {
        lookup(target, "/v1/identities/1?maxLagMs=30000", authorization);
        lookup(target, "/v1/identities/2?maxLagMs=30000", authorization);
        List<Call> sent = List.of(nextCall(), nextCall());
        sent.forEach(call -> assertEquals("GET", call.method(), "a lone read goes as the single GET"));
        return sent;
    }

    /** Behind {@link #twoInFlight}: two more reads to B, waiting. */
    private List<Future<Optional<ApiResponse>>> twoWaiting() throws InterruptedException {
        List<Future<Optional<ApiResponse>>> waiting = List.of(lookup(B, "/v1/identities/3?maxLagMs=30000", ALICE),
                lookup(B, "/v1/identities/4?maxLagMs=30000", ALICE));
        await(() -> lookups.waiting(B, ALICE) == 2, "two reads wait");
        return waiting;
    }

    @Test
    void aLoneReadGoesAtOnceAsTheSingleGetAndGetsItsAnswer() throws Exception {
        Future<Optional<ApiResponse>> answer = lookup(B, "/v1/identities/7?maxLagMs=30000", ALICE);
        Call call = nextCall();
        assertEquals(new Call(B, "GET", "/v1/identities/7?maxLagMs=30000", null, ALICE, call.answer()), call);
        call.answer().complete(Optional.of(answer(200, "{\"ownerId\":\"7\"}")));
        assertEquals("{\"ownerId\":\"7\"}", body(answer));
    }

    @Test
    void readsThatWaitedGoAsOneRequestAndEachGetsItsOwnAnswer() throws Exception {
        List<Call> inFlight = twoInFlight(B, ALICE);
        List<Future<Optional<ApiResponse>>> waiting = new ArrayList<>();
        for (int i = 3; i <= 5; i++) {
            waiting.add(lookup(B, "/v1/identities/" + i + "?maxLagMs=30000", ALICE));
        }
        await(() -> lookups.waiting(B, ALICE) == 3, "three reads wait");
        inFlight.get(0).answer().complete(Optional.of(answer(200, "{\"ownerId\":\"1\"}")));

        Call batch = nextCall();
        assertEquals("POST", batch.method());
        assertEquals(LookupRoute.PATH, batch.path());
        assertEquals(ALICE, batch.authorization());
        assertEquals(List.of("/v1/identities/3?maxLagMs=30000", "/v1/identities/4?maxLagMs=30000",
                "/v1/identities/5?maxLagMs=30000"), batch.paths().stream().sorted().toList(), "in the order they came");
        LookupFrames frames = new LookupFrames(3);
        for (String path : batch.paths()) {
            if (path.contains("/3?")) {
                frames.answer(answer(200, "{\"ownerId\":\"3\"}"));
            } else if (path.contains("/4?")) {
                frames.answer(answer(404, "{\"error\":\"none\"}"));
            } else {
                frames.notAnswered();
            }
        }
        batch.answer().complete(Optional.of(new ApiResponse(200, Map.of(), frames.finish(), LookupFrames.CONTENT_TYPE)));

        assertEquals("{\"ownerId\":\"3\"}", body(waiting.get(0)));
        assertEquals(404, waiting.get(1).get(10, TimeUnit.SECONDS).orElseThrow().status());
        assertEquals("b:1", waiting.get(1).get().orElseThrow().headers().get(Headers.SERVED_BY));
        Call alone = nextCall();
        assertEquals("GET /v1/identities/5?maxLagMs=30000", alone.method() + " " + alone.path(),
                "an item the other instance did not answer is asked alone");
        alone.answer().complete(Optional.of(answer(200, "{\"ownerId\":\"5\"}")));
        assertEquals("{\"ownerId\":\"5\"}", body(waiting.get(2)));
        inFlight.get(1).answer().complete(Optional.empty());
    }

    @Test
    void otherCredentialsAndOtherInstancesNeverWaitBehindABusyDestination() throws Exception {
        twoInFlight(B, ALICE);
        lookup(B, "/v1/identities/3?maxLagMs=30000", BOB);
        lookup(C, "/v1/identities/4?maxLagMs=30000", ALICE);
        List<Call> sent = List.of(nextCall(), nextCall());
        assertTrue(sent.stream().anyMatch(call -> call.target().equals(B) && call.authorization().equals(BOB)), "" + sent);
        assertTrue(sent.stream().anyMatch(call -> call.target().equals(C) && call.authorization().equals(ALICE)), "" + sent);
        assertEquals(0, lookups.waiting(B, BOB));
    }

    @Test
    void anUnreachableInstanceSendsItsReadsOnToTheirNextAttemptAndOtherDestinationsAreAnswered() throws Exception {
        List<Call> inFlight = twoInFlight(B, ALICE);
        List<Future<Optional<ApiResponse>>> waiting = twoWaiting();
        Future<Optional<ApiResponse>> toC = lookup(C, "/v1/identities/5?maxLagMs=30000", ALICE);
        Call callToC = nextCall();
        inFlight.get(0).answer().complete(Optional.empty());
        Call batch = nextCall();
        assertEquals(LookupRoute.PATH, batch.path());
        batch.answer().complete(Optional.of(answer(503, "{}")));
        assertEquals(Optional.empty(), waiting.get(0).get(10, TimeUnit.SECONDS), "503: on to the next attempt");
        assertEquals(Optional.empty(), waiting.get(1).get(10, TimeUnit.SECONDS));

        callToC.answer().complete(Optional.of(answer(200, "{\"ownerId\":\"5\"}")));
        assertEquals("{\"ownerId\":\"5\"}", body(toC));
    }

    @Test
    void aBatchTheOtherInstanceRefusesIsSentItemByItem() throws Exception {
        List<Call> inFlight = twoInFlight(B, ALICE);
        List<Future<Optional<ApiResponse>>> waiting = twoWaiting();
        inFlight.get(0).answer().complete(Optional.empty());
        nextCall().answer().complete(Optional.of(answer(404, "{\"error\":\"no such endpoint\"}"))); // an older version
        List<Call> alone = List.of(nextCall(), nextCall());
        for (Call call : alone) {
            assertEquals("GET", call.method());
            call.answer().complete(Optional.of(answer(200, "{\"path\":\"" + call.path() + "\"}")));
        }
        assertEquals("{\"path\":\"/v1/identities/3?maxLagMs=30000\"}", body(waiting.get(0)));
        assertEquals("{\"path\":\"/v1/identities/4?maxLagMs=30000\"}", body(waiting.get(1)));
    }
}
