package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.ListedExtension;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paging and filtering an account's extensions over partitions of very different sizes, with fake local stores. */
class AccountListingTest {
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8081);
    private static final String ACCOUNT = "900001";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final ReadContext CALLER = new ReadContext(false, 30_000, null);

    /** Partition 0: 3 extensions, partition 1: none, partition 2: 7 (two disabled, one deleted, one an IvrMenu). */
    private final List<List<ExtensionSnapshot>> partitions = List.of(
            List.of(extension("1", "Enabled", "User", false), extension("2", "Enabled", "User", false),
                    extension("3", "Disabled", "User", false)),
            List.of(),
            List.of(extension("4", "Enabled", "User", false), extension("5", "Enabled", "IvrMenu", false),
                    extension("6", "Disabled", "User", false), extension("7", "Enabled", "User", true),
                    extension("8", "Enabled", "User", false), extension("9", "Unassigned", "User", false),
                    extension("10", "Enabled", "User", false)));

    private final AccountListing listing = new AccountListing(new QueryService(SELF, 3,
            new Placements() {
                @Override
                public Placement ofKey(String store, String key) {
                    return new Placement(0, SELF, Set.of());
                }

                @Override
                public Placement ofPartition(int partition) {
                    return new Placement(partition, SELF, Set.of());
                }
            },
            this::read, (store, partition) -> 0, (target, method, path, body, authorization) -> Optional.empty(), () -> { }));

    @SuppressWarnings("unchecked")
    private <T> Optional<LocalStores.Read<T>> read(StoreQuery<T> query, int partition, boolean activeOnly) {
        Object value;
        if (query instanceof PartitionCountsQuery) {
            Map<String, Long> counts = new TreeMap<>();
            partitions.get(partition).forEach(e -> counts.merge(StateStores.listedStatus(e) + "/" + e.type(), 1L, Long::sum));
            value = counts;
        } else if (query instanceof PartitionSliceQuery slice) {
            value = partitions.get(partition).stream().filter(e -> slice.filter().matches(ListedExtension.of(e))).skip(slice.skip()).limit(slice.limit())
                    .toList();
        } else {
            value = new AccountSnapshot(ACCOUNT, "Acme", "+16505550100", "Confirmed", "RingCentral", T0);
        }
        return Optional.of(new LocalStores.Read<>((T) value));
    }

    private static ExtensionSnapshot extension(String id, String status, String type, boolean deleted) {
        return new ExtensionSnapshot(ACCOUNT, id, "1" + id, "Ext " + id, type, null, status, false, false, null, null, null,
                deleted, T0);
    }

    private List<String> ids(int page, int perPage, ExtensionFilter filter) {
        return listing.page(new AccountExtensionsQuery(ACCOUNT, page, perPage, filter), CALLER).records().stream()
                .map(ExtensionSnapshot::extensionId).toList();
    }

    private static final ExtensionFilter ALL = new ExtensionFilter(List.of(), List.of());

    @Test
    void pagesWalkThePartitionsInOrderAndListEveryExtensionOnce() {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            seen.addAll(ids(page, 4, ALL));
        }
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "8", "9", "10"), seen, "deleted ones are left out by default");
        AccountExtensionsQuery.Page last = listing.page(new AccountExtensionsQuery(ACCOUNT, 3, 4, ALL), CALLER);
        assertEquals(new Paging(3, 4, 8L, 8L, 3, 9), last.paging());
        assertEquals(new Paging(4, 4, null, null, 3, 9),
                listing.page(new AccountExtensionsQuery(ACCOUNT, 4, 4, ALL), CALLER).paging());
    }

    @Test
    void filtersApplyToTheCountsAndTheSlicesAlike() {
        ExtensionFilter enabledUsers = new ExtensionFilter(List.of("Enabled"), List.of("User"));
        assertEquals(List.of("1", "2", "4"), ids(1, 3, enabledUsers));
        assertEquals(List.of("8", "10"), ids(2, 3, enabledUsers));
        assertEquals(List.of("3", "6"), ids(1, 100, new ExtensionFilter(List.of("Disabled"), List.of())));
        assertEquals(List.of("7"), ids(1, 100, new ExtensionFilter(List.of("Deleted"), List.of())));
        assertEquals(List.of("5"), ids(1, 100, new ExtensionFilter(List.of(), List.of("IvrMenu"))));
        assertEquals(5, listing.page(new AccountExtensionsQuery(ACCOUNT, 1, 1, enabledUsers), CALLER).paging().totalElements());
    }

    @Test
    void theAccountCarriesItsCountsByStatusBesideItsOwnFields() throws Exception {
        Served<AccountListing.AccountView> account = listing.account(ACCOUNT, CALLER);
        JsonNode json = Json.MAPPER.readTree(account.render("none").body());
        assertEquals("Acme", json.path("companyName").asText());
        assertEquals(ACCOUNT, json.path("accountId").asText());
        JsonNode counts = json.path("extensionCounts");
        assertEquals(List.of(6L, 2L, 1L, 1L), List.of(counts.path("Enabled").asLong(), counts.path("Disabled").asLong(),
                counts.path("Unassigned").asLong(), counts.path("Deleted").asLong()));
        assertEquals("local", account.render("none").headers().get(Headers.SERVED_FROM));
    }
}
