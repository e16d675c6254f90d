package dev.rcidentity.query;

import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Number batches over two fake instances (partitions 0 and 1 active here, 2 and 3 on the other; number n of account 1
 * in partition n % 4, extension e in partition e % 4): the other instance answers the snapshots of the holders it
 * holds itself in the same forwarded request and names the other holders, whose snapshots are read here or asked for
 * in a second request, with the answers of the plain two-step resolution.
 */
class NumberResolutionTest {
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8081);
    private static final HostInfo OTHER = new HostInfo("127.0.0.1", 8082);
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    /** number -> the extension that held it; an extension whose id ends with 7 has no snapshot at that time. */
    private static final Map<String, String> HOLDERS = Map.of("0", "100", "1", "102", "2", "103", "3", "101", "7", "107",
            "10", "106");

    private record Exchange(String path, int items) {
    }

    private final BatchKind<NumberHolderQuery, NumberHolderQuery.Holder> holders =
            BatchKinds.numberHolders(Clock.fixed(AT, ZoneOffset.UTC));
    private final List<Exchange> exchanges = new ArrayList<>();
    private final BatchReads otherBatches = new BatchReads(instance(OTHER, Set.of(2, 3)));
    private final NumberResolution other = resolution(instance(OTHER, Set.of(2, 3)), otherBatches);
    private final NumberResolution self = resolution(instance(SELF, Set.of(0, 1)), null);

    private NumberResolution resolution(QueryService queries, BatchReads batches) {
        return new NumberResolution(queries, batches != null ? batches : new BatchReads(queries), holders);
    }

    private QueryService instance(HostInfo host, Set<Integer> active) {
        return new QueryService(host, 4,
                BatchReadsTest.keyed(key -> {
                    int partition = Integer.parseInt(key.substring(key.indexOf('/') + 1)) % 4;
                    return new Placement(partition, partition < 2 ? SELF : OTHER, Set.of());
                }),
                new LocalReads() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> Optional<LocalStores.Read<T>> read(StoreQuery<T> query, int partition, boolean activeOnly) {
                        if (!active.contains(partition)) {
                            return Optional.empty();
                        }
                        Object value = query instanceof NumberHolderQuery number
                                ? Optional.ofNullable(HOLDERS.get(number.number())).map(NumberHolderQuery.Holder::new).orElse(null)
                                : snapshot(((ExtensionQuery) query).extensionId());
                        return Optional.of(new LocalStores.Read<>((T) value));
                    }
                },
                (store, partition) -> 0,
                (target, method, path, body, authorization) -> {
                    exchanges.add(new Exchange(path.substring(0, path.indexOf('?')), items(body)));
                    ApiRequest forwarded = new ApiRequest("POST", path, null, Map.of(), Map.of(),
                            name -> Headers.FORWARDED_BY.equals(name) ? "127.0.0.1:8081" : null, body);
                    return Optional.of(path.startsWith(holders.path()) ? other.answer(forwarded)
                            : otherBatches.answer(BatchKinds.EXTENSIONS_AT, forwarded));
                },
                () -> { });
    }

    private static ExtensionSnapshot snapshot(String extensionId) {
        return extensionId.endsWith("7") ? null : new ExtensionSnapshot("1", extensionId, "n", "N " + extensionId, "User",
                null, "Enabled", false, false, null, null, null, false, AT);
    }

    private static int items(byte[] body) {
        try {
            return Json.MAPPER.readTree(body).path("items").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(BatchItem<?> item) {
        return item.answered() ? ((ExtensionSnapshot) item.decoded(StoreQuery.type(ExtensionSnapshot.class))).extensionId()
                + "@" + item.servedBy().substring(10) : item.error().code() + "@" + item.servedBy();
    }

    @Test
    void theOtherInstanceAnswersTheSnapshotsItHoldsAndNamesTheOtherHolders() {
        String json = """
                {"queries": [%s, %s, %s, %s, %s, %s, %s, {"accountId": "1"}]}""".formatted(query("0"), query("1"), query("2"),
                query("3"), query("6"), query("7"), query("10"));
        List<BatchItem<?>> answers = self.resolve(BatchBody.parse(holders,
                BatchBody.items(json.getBytes(StandardCharsets.UTF_8), "queries")), new ReadContext(false, 30_000, null));
        assertEquals(List.of("100@8081", "102@8082", "103@8082", "101@8081", "not_found@127.0.0.1:8082",
                        "not_found@127.0.0.1:8082", "106@8082", "bad_request@null"),
                answers.stream().map(NumberResolutionTest::describe).toList());
        assertEquals("no snapshot of extension 107 at " + AT, answers.get(5).error().message());
        assertEquals(List.of(new Exchange("/internal/v1/numbers/resolve", 5),
                        new Exchange("/internal/v1/extensions/resolve", 1)), exchanges,
                "the other instance's numbers in one request, then only the snapshots it holds of holders found here");
    }

    private static String query(String number) {
        return "{\"accountId\": \"1\", \"extensionNumber\": \"%s\", \"at\": \"%s\"}".formatted(number, AT);
    }

    @Test
    void aHolderIsFoundHereOrNamedByAnotherInstance() {
        assertEquals("5", NumberResolution.heldBy(new BatchItem<>(new NumberHolderQuery.Holder("5"), "a")));
        assertEquals("6", NumberResolution.heldBy(BatchItem.failed(new BatchItem.Error(NumberResolution.HELD_BY, "6"), "a")));
        assertEquals(null, NumberResolution.heldBy(BatchItem.failed(new BatchItem.Error("not_found", "6"), "a")));
    }
}
