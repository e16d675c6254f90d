package dev.rcidentity.poller;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader that remembers its position: only what came since, plus the stretches of accounts seen before. */
class StateReaderIT {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static KafkaTestCluster cluster;
    private static KafkaClients kafka;

    @BeforeAll
    static void start() {
        cluster = KafkaTestCluster.start(dir, 3);
        kafka = KafkaClients.of(Map.of(), cluster.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ExtensionSnapshot ext(String account, String id, String number) {
        return new ExtensionSnapshot(account, id, number, "N " + id, "User", null, "Enabled", false, false, null,
                null, null, false, T1);
    }

    private static void publish(ExtensionSnapshot... snapshots) throws Exception {
        cluster.send(Topics.EXTENSIONS, List.of(snapshots).stream()
                .map(s -> Map.entry(s.extensionId(), s)).toList(), T1);
    }

    @Test
    void readsOnlyTheWantedAccountsAndGoesBackForAnAccountSeenBefore() throws Exception {
        publish(ext("101", "1011", "100"), ext("102", "1021", "100"), ext("102", "1022", "101"));
        cluster.send(Topics.ACCOUNTS, List.of(Map.entry("102",
                new AccountSnapshot("102", "Acme", "+1", "Confirmed", "RingCentral", T1))), T1);
        PublishedState state = new PublishedState();
        try (StateReader reader = new StateReader(state, kafka, TIMEOUT)) {
            reader.read(Set.of("101")::contains, Set.of("101"));
            assertFalse(state.changed(ext("101", "1011", "100")), "account 101 read");
            assertNull(state.last("1021"), "account 102 not kept");

            publish(ext("101", "1012", "102"), ext("102", "1023", "102"), ext("103", "1031", "100"));
            reader.read(Set.of("102", "103")::contains, Set.of("102", "103"));
            assertNull(state.last("1012"), "account 101 is loaded here: its records are not read again");
            for (String id : List.of("1021", "1022", "1023", "1031")) {
                assertTrue(state.last(id) != null, "extension " + id + " of accounts 102 and 103");
            }
            assertFalse(state.changed(new AccountSnapshot("102", "Acme", "+1", "Confirmed", "RingCentral", T1)));
            assertEquals(5, state.extensionCount());
        }
    }
}
