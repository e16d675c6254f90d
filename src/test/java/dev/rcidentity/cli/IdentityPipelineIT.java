package dev.rcidentity.cli;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.Resolution;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topology on a real broker with exactly-once, read back with a plain KafkaConsumer: resolution in both arrival
 * orders, the dead-letter topic, and a restart that neither loses nor double-counts.
 */
class IdentityPipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)); // within the 30-day retention of rc.logins.v1
    private static final String ACCOUNT = "800001";
    private static final String ALICE = "800101";
    private static final String BOB = "800102";

    @TempDir
    Path dir;

    @Test
    void identitiesResolveOnARealBrokerWithExactlyOnceAndSurviveARestart() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 3)) {
            Settings settings = Settings.of(Map.of(
                    SettingKeys.STATE_DIR.key(), dir.resolve("state").toString(),
                    SettingKeys.APPLICATION_ID.key(), "pipeline-it",
                    "kafka.commit.interval.ms", "100"));
            kafka.send(Topics.ACCOUNTS, List.of(Map.entry(ACCOUNT, new AccountSnapshot(ACCOUNT, "Acme", "+16505550100",
                    "Confirmed", "RingCentral", T0))), T0);
            // Bob logs in before his snapshot exists; Alice's snapshot comes first.
            kafka.send(Topics.LOGINS, List.of(Map.entry(BOB, login(BOB, T0.plusSeconds(10)))), T0.plusSeconds(10));
            kafka.send(Topics.EXTENSIONS, List.of(
                    Map.entry(ALICE, extension(ALICE, "420", "Alice")),
                    Map.entry(BOB, extension(BOB, "421", "Bob"))), T0.plusSeconds(20));
            kafka.sendRaw(Topics.LOGINS.name(), ALICE, "{\"ownerId\": ".getBytes(StandardCharsets.UTF_8));
            kafka.send(Topics.LOGINS, List.of(Map.entry(ALICE, login(ALICE, T0.plusSeconds(30)))), T0.plusSeconds(30));

            try (StreamsService streams = StreamsService.start(OptionsFromSettings.kafka(settings, kafka.bootstrapServers()),
                    OptionsFromSettings.streams(settings), settings.get(SettingKeys.STORE_HISTORY_RETENTION), why -> { })) {
                Map<String, Identity> table = latest(kafka, t -> resolved(t, ALICE, 1) && resolved(t, BOB, 1));
                assertEquals("Alice", table.get(ALICE).name());
                assertEquals("Acme", table.get(ALICE).account().companyName());
                assertEquals("Bob", table.get(BOB).name());
                assertEquals("421", table.get(BOB).extensionNumberAtLogin());

                List<ConsumerRecord<byte[], byte[]>> dead = kafka.readRawUntil(Topics.DEAD_LETTERS.name(), 1, WAIT);
                assertEquals(1, dead.size(), "the malformed login is dead-lettered once under exactly-once");
                assertEquals(Topics.LOGINS.name(), header(dead.get(0), "__streams.errors.topic"));
                assertTrue(header(dead.get(0), "__streams.errors.message").contains("Malformed JSON"));
            }

            // A restart on the same state: the next login counts as the second, the replayed first one not at all.
            kafka.send(Topics.LOGINS, List.of(
                    Map.entry(ALICE, login(ALICE, T0.plusSeconds(30))),
                    Map.entry(ALICE, login(ALICE, T0.plusSeconds(60)))), T0.plusSeconds(60));
            try (StreamsService streams = StreamsService.start(OptionsFromSettings.kafka(settings, kafka.bootstrapServers()),
                    OptionsFromSettings.streams(settings), settings.get(SettingKeys.STORE_HISTORY_RETENTION), why -> { })) {
                Map<String, Identity> table = latest(kafka, t -> resolved(t, ALICE, 2));
                assertEquals(2, table.get(ALICE).loginCount());
                assertEquals(T0.plusSeconds(60), table.get(ALICE).lastLoginAt());
                assertEquals(1, table.get(BOB).loginCount());
            }
        }
    }

    private static Map<String, Identity> latest(KafkaTestCluster kafka, Predicate<Map<String, Identity>> done) {
        List<ConsumerRecord<String, Identity>> records = kafka.readUntil(Topics.IDENTITIES, r -> done.test(toTable(r)), WAIT);
        Map<String, Identity> table = toTable(records);
        assertTrue(done.test(table), "identities reached the expected state: " + table);
        return table;
    }

    private static Map<String, Identity> toTable(List<ConsumerRecord<String, Identity>> records) {
        Map<String, Identity> table = new HashMap<>();
        records.forEach(r -> table.put(r.key(), r.value()));
        return table;
    }

    private static boolean resolved(Map<String, Identity> table, String owner, long logins) {
        Identity identity = table.get(owner);
        return identity != null && identity.resolution() == Resolution.RESOLVED && identity.loginCount() == logins
                && identity.account() != null;
    }

    private static ExtensionSnapshot extension(String id, String number, String name) {
        return new ExtensionSnapshot(ACCOUNT, id, number, name, "User", null, "Enabled", false, false, null, null,
                null, false, T0.plusSeconds(20));
    }

    private static LoginEvent login(String owner, Instant at) {
        return new LoginEvent(owner, null, at, LoginEvent.SOURCE_POLLER, null, null, null, null);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
