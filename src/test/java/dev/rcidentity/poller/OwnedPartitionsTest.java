package dev.rcidentity.poller;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OwnedPartitionsTest {
    private final OwnedPartitions partitions = new OwnedPartitions();
    private final List<String> told = new ArrayList<>();

    @Test
    void onlyConnectionsOfOwnedPartitionsAreToldAndARevocationNamesThem() {
        partitions.seen("a", 0, told::add);
        partitions.assign(List.of(0, 1));
        partitions.seen("b", 1, told::add);
        partitions.seen("c", 2, told::add);
        partitions.ifOwned("a", told::add);
        partitions.ifOwned("c", told::add);
        partitions.ifOwned("unknown", told::add);
        assertEquals(List.of("b", "a"), told, "c's partition is not owned; an unknown connection is never told");

        assertEquals(List.of("a"), partitions.revoke(List.of(0)));
        told.clear();
        partitions.ifOwned("a", told::add);
        partitions.seen("a", 0, told::add);
        assertEquals(List.of(), told, "nothing is told of a revoked partition's connections");
        assertEquals(List.of("b"), partitions.revokeAll());
        assertEquals(0, partitions.ownedCount());
    }
}
