package dev.rcidentity.poller;

import dev.rcidentity.model.ConnectionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OwnedPartitionsTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T10:05:00Z");

    private final OwnedPartitions partitions = new OwnedPartitions();
    private final List<String> told = new ArrayList<>();

    @Test
    void onlyConnectionsOfOwnedPartitionsAreToldAndARevocationNamesThem() {
        partitions.seen("a", 0, told::add);
        partitions.assign(List.of(0, 1), T1);
        partitions.seen("b", 1, told::add);
        partitions.seen("c", 2, told::add);
        partitions.ifOwned("a", told::add);
        partitions.ifOwned("c", told::add);
        partitions.ifOwned("unknown", told::add);
        assertEquals(List.of("b", "a"), told, "c's partition is not owned; an unknown connection is never told");

        assertEquals(new ConnectionStatus.Assignment(1, T1), partitions.assignmentOf("b"));
        assertNull(partitions.assignmentOf("c"), "c's partition is not owned");

        assertEquals(List.of("a"), partitions.revoke(List.of(0)));
        assertNull(partitions.assignmentOf("a"));
        partitions.assign(List.of(0, 1), T2);
        assertEquals(new ConnectionStatus.Assignment(0, T2), partitions.assignmentOf("a"), "assigned again: since then");
        assertEquals(new ConnectionStatus.Assignment(1, T1), partitions.assignmentOf("b"), "kept: since the first time");
        partitions.revoke(List.of(0));
        told.clear();
        partitions.ifOwned("a", told::add);
        partitions.seen("a", 0, told::add);
        assertEquals(List.of(), told, "nothing is told of a revoked partition's connections");
        assertEquals(List.of("b"), partitions.revokeAll());
        assertEquals(0, partitions.ownedCount());
    }
}
