package dev.rcidentity.bench;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.Properties;

/**
 * The DSL peer: the identity table as ksqlDB would compile
 * <pre>
 * CREATE TABLE identities AS SELECT ... FROM logins_per_owner l
 *   LEFT JOIN extensions e ON l.ownerId = e.extensionId LEFT JOIN accounts a ON e.accountId = a.accountId;
 * </pre>
 * over the same records: logins aggregated per owner (grouped by their key, so no repartition), a table-table join
 * with the extensions by key, a foreign-key join to the accounts (KIP-213: subscription and response topics). Like
 * ksqlDB it runs with {@code topology.optimization=all} (source topics reused as the tables' changelogs) and the DSL's
 * record caches; the guarantee and the rest of the configuration are the production ones. It keeps no history, no
 * number index and no "as of" snapshot, so it does less than ours; nor does it list extensions per account, so its
 * preload only fills the extensions table (the source topic is its changelog: nothing written) and is no anchor.
 */
final class DslPeer {
    static final String SECTION = "3. DSL peer (ksqlDB-style)";
    static final IdentityThroughput.InputTopics TOPICS = new IdentityThroughput.InputTopics(
            "bench.peer.accounts", "bench.peer.extensions", "bench.peer.logins");
    static final String OUTPUT = "bench.peer.identities";

    /** What the aggregation keeps per owner. */
    record LoginSummary(String accountId, long count, Instant firstLoginAt, Instant lastLoginAt) {
        static LoginSummary none() {
            return new LoginSummary(null, 0, null, null);
        }

        LoginSummary add(LoginEvent login) {
            Instant at = login.loggedInAt();
            return new LoginSummary(accountId != null ? accountId : login.accountId(), count + 1,
                    firstLoginAt == null || at.isBefore(firstLoginAt) ? at : firstLoginAt,
                    lastLoginAt == null || at.isAfter(lastLoginAt) ? at : lastLoginAt);
        }
    }

    /** The peer's output row. */
    record PeerIdentity(String accountId, String extensionNumber, String name, String type, String status,
                        boolean admin, String companyName, long loginCount, Instant firstLoginAt, Instant lastLoginAt) {
        static PeerIdentity of(LoginSummary logins, ExtensionSnapshot extension) {
            return extension == null
                    ? new PeerIdentity(logins.accountId(), null, null, null, null, false, null, logins.count(),
                    logins.firstLoginAt(), logins.lastLoginAt())
                    : new PeerIdentity(extension.accountId(), extension.extensionNumber(), extension.name(),
                    extension.type(), extension.status(), extension.admin(), null, logins.count(),
                    logins.firstLoginAt(), logins.lastLoginAt());
        }

        PeerIdentity withAccount(AccountSnapshot account) {
            return new PeerIdentity(accountId, extensionNumber, name, type, status, admin,
                    account == null ? null : account.companyName(), loginCount, firstLoginAt, lastLoginAt);
        }
    }

    /**
     * The value serde of the join of logins and extensions, which the foreign-key join needs; given as the default
     * so that the intermediate table stays unmaterialized, as ksqlDB leaves it.
     */
    public static final class PeerIdentitySerde extends Serdes.WrapperSerde<PeerIdentity> {
        public PeerIdentitySerde() {
            super(Json.serde(PeerIdentity.class).serializer(), Json.serde(PeerIdentity.class).deserializer());
        }
    }

    private DslPeer() {
    }

    /** The peer's configuration: {@code production} plus what ksqlDB sets by default. */
    static Properties config(Properties production) {
        Properties config = new Properties();
        config.putAll(production);
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, PeerIdentitySerde.class.getName());
        return config;
    }

    static Topology build(Properties config) {
        Serde<String> keys = Serdes.String();
        Serde<LoginSummary> summaries = Json.serde(LoginSummary.class);
        Serde<PeerIdentity> identities = Json.serde(PeerIdentity.class);
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, AccountSnapshot> accounts = builder.table(TOPICS.accounts(),
                Consumed.with(keys, Topics.ACCOUNTS.valueSerde()).withName("peer-accounts-source"),
                Materialized.<String, AccountSnapshot, KeyValueStore<Bytes, byte[]>>as("peer-accounts"));
        KTable<String, ExtensionSnapshot> extensions = builder.table(TOPICS.extensions(),
                Consumed.with(keys, Topics.EXTENSIONS.valueSerde()).withName("peer-extensions-source"),
                Materialized.<String, ExtensionSnapshot, KeyValueStore<Bytes, byte[]>>as("peer-extensions"));
        KTable<String, LoginSummary> logins = builder.stream(TOPICS.logins(),
                        Consumed.with(keys, Topics.LOGINS.valueSerde()).withName("peer-logins-source"))
                .groupByKey(Grouped.<String, LoginEvent>as("peer-logins-by-owner").withKeySerde(keys)
                        .withValueSerde(Topics.LOGINS.valueSerde()))
                .aggregate(LoginSummary::none, (owner, login, summary) -> summary.add(login),
                        Named.as("peer-count-logins"),
                        Materialized.<String, LoginSummary, KeyValueStore<Bytes, byte[]>>as("peer-logins")
                                .withKeySerde(keys).withValueSerde(summaries));
        logins.leftJoin(extensions, PeerIdentity::of, Named.as("peer-join-extension"))
                .leftJoin(accounts, PeerIdentity::accountId, (identity, account) -> identity.withAccount(account),
                        TableJoined.as("peer-join-account"),
                        Materialized.<String, PeerIdentity, KeyValueStore<Bytes, byte[]>>as("peer-identities")
                                .withKeySerde(keys).withValueSerde(identities))
                .toStream(Named.as("peer-identities-stream"))
                .to(OUTPUT, Produced.with(keys, identities).withName("peer-identities-sink"));
        return builder.build(config);
    }
}
