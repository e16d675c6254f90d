package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Batches over two fake instances (partitions 0 and 1 active here, 2 and 3 on the other, key k in partition k % 4):
 * the other instance's keys go to it in one request, which it answers with its own {@link BatchReads}; answers keep
 * the request order; bad, missing and unanswerable items say so.
 */
class BatchReadsTest {
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8081);
    private static final HostInfo OTHER = new HostInfo("127.0.0.1", 8082);

    private static final BatchKind<TestQuery, String> KIND = new BatchKind<>() {
        @Override
        public String path() {
            return "/internal/v1/test/resolve";
        }

        @Override
        public void write(JsonGenerator out, TestQuery query) throws IOException {
            out.writeString(query.key());
        }

        @Override
        public TestQuery parse(JsonNode item) {
            if (!item.isTextual() || !item.asText().matches("[0-9]+")) {
                throw ApiError.badRequest("key must be digits");
            }
            return new TestQuery(item.asText());
        }

        @Override
        public JavaType answerType() {
            return StoreQuery.type(String.class);
        }

        @Override
        public String notFound(TestQuery query) {
            return "no " + query.key();
        }
    };

    private record Exchange(HostInfo target, String method, String path, List<String> keys) {
    }

    private final List<Exchange> exchanges = new ArrayList<>();
    private boolean otherReachable = true;
    private Set<Integer> standbysHere = Set.of();

    private final BatchReads other = new BatchReads(instance(OTHER, Set.of(2, 3)));
    private final BatchReads self = new BatchReads(instance(SELF, Set.of(0, 1)));

    /** An instance whose active copies are {@code active}; here, standby copies of {@code standbysHere} too. */
    private QueryService instance(HostInfo host, Set<Integer> active) {
        return new QueryService(host, 4,
                keyed(key -> {
                    int partition = Integer.parseInt(key) % 4;
                    HostInfo owner = partition < 2 ? SELF : OTHER;
                    return new Placement(partition, owner, partition < 2 ? Set.of(OTHER)
                            : standbysHere.contains(partition) ? Set.of(SELF) : Set.of());
                }),
                new LocalReads() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> Optional<LocalStores.Read<T>> read(StoreQuery<T> query, int partition, boolean activeOnly) {
                        boolean here = active.contains(partition) || !activeOnly && host.equals(SELF) && standbysHere.contains(partition);
                        String key = ((TestQuery) query).key();
                        return here ? Optional.of(new LocalStores.Read<>((T) (key.endsWith("99") ? null : "v" + key)))
                                : Optional.empty();
                    }
                },
                (store, partition) -> 0,
                (target, method, path, body, authorization) -> {
                    List<String> keys = new ArrayList<>();
                    read(body).path("items").forEach(k -> keys.add(k.asText()));
                    exchanges.add(new Exchange(target, method, path, keys));
                    if (!otherReachable) {
                        return Optional.empty();
                    }
                    ApiRequest forwarded = new ApiRequest("POST", path, null, Map.of(), Map.of(),
                            name -> Headers.FORWARDED_BY.equals(name) ? "127.0.0.1:8081" : null, body);
                    return Optional.of(other.answer(KIND, forwarded));
                },
                () -> { });
    }

    /** Placements of keys only (a batch asks for no partition as such), whichever the store. */
    static Placements keyed(Function<String, Placement> ofKey) {
        return new Placements() {
            @Override
            public Placement ofKey(String store, String key) {
                return ofKey.apply(key);
            }

            @Override
            public Placement ofPartition(int partition) {
                throw new AssertionError("batches are keyed");
            }
        };
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<BatchItem<String>> resolve(String json) {
        List<JsonNode> items = BatchBody.items(json.getBytes(StandardCharsets.UTF_8), "keys");
        return self.serveParsed(KIND, BatchBody.parse(KIND, items), new ReadContext(false, 30_000, null));
    }

    private static String describe(BatchItem<String> item) {
        return item.answered() ? item.decoded(KIND.answerType()) + "@" + item.servedBy().substring(10) : item.error().code();
    }

    @Test
    void keysOfTheOtherInstanceGoToItInOneRequestAndAnswersKeepTheRequestOrder() {
        List<BatchItem<String>> results = resolve("{\"keys\": [\"0\", \"2\", \"x\", \"5\", \"7\", \"199\", \"4\", \"6\", 3, \"10\"]}");
        assertEquals(List.of("v0@8081", "v2@8082", "bad_request", "v5@8081", "v7@8082", "not_found", "v4@8081", "v6@8082",
                "bad_request", "v10@8082"), results.stream().map(BatchReadsTest::describe).toList());
        assertEquals(List.of(new Exchange(OTHER, "POST", "/internal/v1/test/resolve?maxLagMs=30000",
                List.of("2", "6", "10", "7", "199"))), exchanges, "one request for all of the other instance's keys, by partition");
        assertEquals("no 199", results.get(5).error().message());
        assertEquals("127.0.0.1:8081, 127.0.0.1:8082", BatchReads.servedBy(results));
    }

    @Test
    void whenTheOtherInstanceCannotBeReachedItsKeysFallBackToAStandbyHereOrAreUnavailable() {
        otherReachable = false;
        standbysHere = Set.of(2);
        List<BatchItem<String>> results = resolve("{\"keys\": [\"2\", \"3\", \"4\", \"6\"]}");
        assertEquals(List.of("v2@8081", "unavailable", "v4@8081", "v6@8081"),
                results.stream().map(BatchReadsTest::describe).toList());
        assertEquals(1, exchanges.size(), "the other instance was asked once: " + exchanges);
    }
}
