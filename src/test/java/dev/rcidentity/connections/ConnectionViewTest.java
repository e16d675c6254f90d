package dev.rcidentity.connections;

import dev.rcidentity.model.Connection;
import dev.rcidentity.model.EncryptedCredential;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionViewTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private final ConnectionView view = new ConnectionView();
    private final List<String> changes = new ArrayList<>();

    {
        view.addListener((id, now) -> changes.add(id + ":" + (now == null ? "gone" : now.status())));
    }

    private static Connection connection(String id, String name, String status) {
        return new Connection(id, name, "https://platform.ringcentral.com", "c", Connection.GRANT_JWT, null, null,
                status, null, AT, AT, new EncryptedCredential("k", "AES-256-GCM", "n", "c"));
    }

    @Test
    void anOlderRecordNeverReplacesANewerOneOfTheSamePartition() {
        Connection v1 = connection("1", "acme", Connection.ACTIVE);
        Connection v2 = v1.withStatus(Connection.REJECTED, "invalid_grant", AT.plusSeconds(1));
        view.apply("1", v2, 0, 10);
        view.apply("1", v1, 0, 9);
        assertEquals(Optional.of(v2), view.get("1"));
        view.apply("1", null, 0, 11);
        view.apply("1", v2, 0, 10);
        assertTrue(view.get("1").isEmpty(), "the tombstone stays ahead of the record it removed");
        assertEquals(List.of("1:REJECTED", "1:gone"), changes);
    }

    @Test
    void listsByNameReportsUnreadableRecordsAndRefusesAKeyThatIsNotTheId() {
        view.apply("2", connection("2", "zeta", Connection.ACTIVE), 0, 1);
        view.apply("1", connection("1", "alpha", Connection.ACTIVE), 1, 1);
        view.apply("3", connection("4", "mismatch", Connection.ACTIVE), 1, 2);
        view.unreadable("5", "Malformed JSON", 0, 2);
        assertEquals(List.of("alpha", "zeta"), view.all().stream().map(Connection::name).toList());
        assertEquals("2", view.byName("zeta").orElseThrow().connectionId());
        assertEquals(Map.of("3", "the record's connectionId 4 differs from its key", "5", "Malformed JSON"),
                view.unreadable());
        view.apply("5", connection("5", "fixed", Connection.ACTIVE), 0, 3);
        assertEquals(Map.of("3", "the record's connectionId 4 differs from its key"), view.unreadable());
    }
}
