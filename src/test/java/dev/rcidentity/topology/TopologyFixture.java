package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.NumberHoldings;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A TopologyTestDriver over the production topology and configuration, with typed inputs and outputs. */
final class TopologyFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, ExtensionSnapshot> extensions;
    final TestInputTopic<String, LoginEvent> logins;
    final TestInputTopic<String, AccountSnapshot> accounts;
    final TestOutputTopic<String, Identity> identities;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    final TestOutputTopic<String, HistoryRow> history;

    /** As production runs it on one partition per topic, the test driver's only layout: every record is owned. */
    TopologyFixture(Path stateDir) {
        this(stateDir, StreamsConfig.EXACTLY_ONCE_V2, 1);
    }

    /**
     * The production configuration with another processing guarantee. Under exactly_once_v2 the test driver drops the
     * dead-letter records that deserialization failures produce (they are sent while records are enqueued, outside
     * the driver's transaction), so the tests of those use at_least_once; the integration test checks the
     * dead-letter topic under exactly_once_v2 on a real broker.
     * <p>
     * The driver reads every topic from partition 0; with {@code partitions} above 1, the records whose key belongs to
     * another partition take the re-routing path.
     */
    TopologyFixture(Path stateDir, String processingGuarantee, int partitions) {
        Properties config = KafkaClients.of(Map.of(), "unused:9092")
                .streams(new StreamsOptions("rc-identity", stateDir, "unused:8080", 1));
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        driver = new TopologyTestDriver(IdentityTopology.buildTopology(TopologyOptions.defaults().withPartitions(partitions), config), config);
        extensions = input(Topics.EXTENSIONS);
        logins = input(Topics.LOGINS);
        accounts = input(Topics.ACCOUNTS);
        identities = driver.createOutputTopic(Topics.IDENTITIES.name(),
                Topics.IDENTITIES.keySerde().deserializer(), Topics.IDENTITIES.valueSerde().deserializer());
        history = driver.createOutputTopic(Topics.EXTENSION_HISTORY.name(),
                Topics.EXTENSION_HISTORY.keySerde().deserializer(), Topics.EXTENSION_HISTORY.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
                Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer());
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    void snapshot(ExtensionSnapshot snapshot) {
        extensions.pipeInput(snapshot.extensionId(), snapshot, snapshot.observedAt());
    }

    void login(LoginEvent login) {
        logins.pipeInput(login.ownerId(), login, login.loggedInAt());
    }

    void account(AccountSnapshot account) {
        accounts.pipeInput(account.accountId(), account, account.observedAt());
    }

    /** Sends raw bytes, as a foreign producer would. */
    void raw(String topic, String key, String json) {
        TestInputTopic<String, byte[]> in = driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
        in.pipeInput(key, json == null ? null : json.getBytes(StandardCharsets.UTF_8), T0);
    }

    /** The extension that held {@code number} in {@code accountId} at {@code at}, from the number index. */
    String holderOf(String accountId, String number, Instant at) {
        KeyValueStore<String, NumberHoldings> numbers = driver.getKeyValueStore(StateStores.EXTENSION_NUMBERS.name());
        NumberHoldings holdings = numbers.get(StateStores.numberKey(accountId, number));
        return holdings == null ? null : holdings.holderAt(at).orElse(null);
    }

    List<HistoryRow> storedHistory(String extensionId) {
        KeyValueStore<String, ExtensionHistory> histories = driver.getKeyValueStore(StateStores.EXTENSION_HISTORY.name());
        ExtensionHistory history = histories.get(extensionId);
        return history == null ? List.of() : history.rows();
    }

    /** The keys the topology sent through the named repartition topic, in order. */
    List<String> repartitioned(String name) {
        String topic = "rc-identity-" + name + "-repartition";
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer())
                .readKeyValuesToList().stream().map(entry -> entry.key).toList();
    }

    /**
     * The records written to each topic the topology produces to (changelogs, repartition topics, outputs) since the
     * last call, by topic; topics without a record are left out.
     */
    Map<String, Integer> written() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : driver.producedTopicNames()) {
            int n = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().size();
            if (n > 0) {
                counts.put(topic.replaceFirst("^rc-identity-", ""), n);
            }
        }
        return counts;
    }

    /** What the re-route counter of {@code topic} says, over all threads (0 before its first record). */
    double reroutedCount(String topic) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(ReroutedRecords.METRIC_OPERATION + "-total")
                        && topic.equals(e.getKey().tags().get(ReroutedRecords.METRIC_SCOPE + "-id")))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    List<TestRecord<String, Identity>> emitted() {
        return identities.readRecordsToList();
    }

    /** The latest identity per owner, as a compacted topic would keep it. */
    Map<String, Identity> table() {
        return identities.readKeyValuesToMap();
    }

    @Override
    public void close() {
        driver.close();
    }

    static ExtensionSnapshot extension(String accountId, String extensionId, String number, String name,
                                       String status, Instant observedAt) {
        return new ExtensionSnapshot(accountId, extensionId, number, name, "User", null, status,
                extensionId.equals(accountId), false, new Contact(name, null, null, null, null), null,
                T0.minusSeconds(86_400), false, observedAt);
    }

    static LoginEvent login(String ownerId, Instant at) {
        return new LoginEvent(ownerId, null, at, LoginEvent.SOURCE_POLLER, "ep1", "ReadAccounts", "jwt-bearer", "client1");
    }

    static AccountSnapshot account(String accountId, String companyName, Instant observedAt) {
        return new AccountSnapshot(accountId, companyName, "+16505550100", "Confirmed", "RingCentral", observedAt);
    }
}
