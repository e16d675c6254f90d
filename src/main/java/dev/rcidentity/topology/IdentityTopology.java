package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStore;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.NumberEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Properties;

/**
 * The identity topology, a pure function of its options.
 *
 * <pre>
 * rc.extensions.v1 --check-extension--route-extension--+--apply-extension--+
 * rc.logins.v1 --check-login--route-login--------------+--apply-login------+--> rc.identities.v1
 * rc.accounts.v1 --check-account--> [accounts-broadcast] --apply-account----+
 *
 * route-extension --version-extension--+--> rc.extension-history.v1
 *                                      +--number-moves--> [extension-numbers] --index-extension-number
 * </pre>
 *
 * Extensions and logins share their key (extensionId == ownerId) and partition count, so one task holds an owner's
 * extension snapshots, logins and identity; the route steps bring a record written into another partition to that
 * task ({@link Rerouting}). Accounts are keyed differently; they are copied into every task through a broadcast
 * repartition topic, where an index of identities by account lets an account change reach all of them.
 */
public final class IdentityTopology {
    /** The stores every identity processor reaches through {@link IdentityStores}. */
    static final String[] IDENTITY_STORES = {
            StateStores.EXTENSIONS.name(), StateStores.IDENTITIES.name(),
            StateStores.IDENTITIES_BY_ACCOUNT.name(), StateStores.ACCOUNTS.name(),
            StateStores.ACCOUNT_EXTENSIONS.name(), StateStores.ACCOUNT_EXTENSION_COUNTS.name()};

    private IdentityTopology() {
    }

    public static Topology buildTopology(TopologyOptions options) {
        return buildTopology(options, new Properties());
    }

    public static Topology buildTopology(TopologyOptions options, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(StateStores.EXTENSIONS.name(), options.historyRetention()),
                StateStores.EXTENSIONS.keySerde(), StateStores.EXTENSIONS.valueSerde()));
        builder.addStateStore(keyValueStore(StateStores.IDENTITIES));
        builder.addStateStore(keyValueStore(StateStores.IDENTITIES_BY_ACCOUNT));
        // A record cache where writes coalesce within a commit: the counts of an account move with every new
        // extension of it, and every login reads its account.
        builder.addStateStore(keyValueStore(StateStores.ACCOUNTS).withCachingEnabled());
        builder.addStateStore(keyValueStore(StateStores.ACCOUNT_EXTENSIONS));
        builder.addStateStore(keyValueStore(StateStores.ACCOUNT_EXTENSION_COUNTS).withCachingEnabled());

        builder.addStateStore(keyValueStore(StateStores.EXTENSION_HISTORY));
        builder.addStateStore(keyValueStore(StateStores.EXTENSION_NUMBERS));

        KStream<String, ExtensionSnapshot> extensions = Rerouting.toOwningTask(
                source(builder, Topics.EXTENSIONS, "extensions-source")
                        .processValues(ExtensionCheck::new, Named.as("check-extension")),
                Topics.EXTENSIONS, "extension", Topics.EXTENSIONS_REROUTED, options);
        KStream<String, Identity> fromExtensions = extensions.process(ExtensionProcessor::new, Named.as("apply-extension"),
                IDENTITY_STORES);
        addHistory(extensions, options);

        LoginLedger ledger = new LoginLedger(LoginLedger.DEFAULT_WINDOW, LoginLedger.DEFAULT_MAX_MARKS);
        KStream<String, Identity> fromLogins = Rerouting.toOwningTask(
                source(builder, Topics.LOGINS, "logins-source").processValues(LoginCheck::new, Named.as("check-login")),
                Topics.LOGINS, "login", Topics.LOGINS_REROUTED, options)
                .process(() -> new LoginProcessor(ledger), Named.as("apply-login"), IDENTITY_STORES);

        Repartitioned<String, AccountSnapshot> broadcast = Repartitioned
                .<String, AccountSnapshot>as(Topics.ACCOUNTS_BROADCAST)
                .withKeySerde(Topics.ACCOUNTS.keySerde())
                .withValueSerde(Topics.ACCOUNTS_BROADCAST_VALUES)
                .withStreamPartitioner(new BroadcastPartitioner<>());
        if (options.partitions().isPresent()) {
            broadcast = broadcast.withNumberOfPartitions(options.partitions().getAsInt());
        }
        KStream<String, Identity> fromAccounts = source(builder, Topics.ACCOUNTS, "accounts-source")
                .processValues(AccountCheck::new, Named.as("check-account"))
                .repartition(broadcast)
                .process(AccountProcessor::new, Named.as("apply-account"), IDENTITY_STORES);

        fromExtensions
                .merge(fromLogins, Named.as("merge-extension-and-login-updates"))
                .merge(fromAccounts, Named.as("merge-identity-updates"))
                .to(Topics.IDENTITIES.name(), Produced.with(Topics.IDENTITIES.keySerde(), Topics.IDENTITIES.valueSerde())
                        .withName("identities-sink"));
        return builder.build(streamsConfig);
    }

    /** The type-2 history of every extension, and the time-aware index of extension numbers it feeds. */
    private static void addHistory(KStream<String, ExtensionSnapshot> extensions, TopologyOptions options) {
        KStream<String, HistoryChange> changes = extensions.process(
                () -> new HistoryProcessor(options.historyRetention()), Named.as("version-extension"),
                StateStores.EXTENSION_HISTORY.name());
        changes.flatMapValues(HistoryChange::rows, Named.as("history-rows"))
                .to(Topics.EXTENSION_HISTORY.name(), Produced.with(Topics.EXTENSION_HISTORY.keySerde(),
                        Topics.EXTENSION_HISTORY.valueSerde()).withName("extension-history-sink"));
        Repartitioned<String, NumberEvent> byNumber = Repartitioned.<String, NumberEvent>as(Topics.EXTENSION_NUMBERS)
                .withKeySerde(Serdes.String())
                .withValueSerde(Topics.EXTENSION_NUMBERS_VALUES);
        if (options.partitions().isPresent()) {
            byNumber = byNumber.withNumberOfPartitions(options.partitions().getAsInt());
        }
        changes.flatMap((extensionId, change) -> NumberMoves.of(change), Named.as("number-moves"))
                .repartition(byNumber)
                .process(() -> new NumberIndexProcessor(options.historyRetention()), Named.as("index-extension-number"),
                        StateStores.EXTENSION_NUMBERS.name());
    }

    private static <K, V> KStream<K, V> source(StreamsBuilder builder, Topic<K, V> topic, String name) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueStore(StateStore<K, V> store) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store.name()), store.keySerde(), store.valueSerde());
    }
}
