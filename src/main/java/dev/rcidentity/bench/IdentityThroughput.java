package dev.rcidentity.bench;

import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The identity topology's throughput: the preload of every account and extension, then bursts of logins drawn by
 * the {@link LoginMix}, then bursts of extension changes flowing through identities and history.
 */
final class IdentityThroughput {
    static final String SECTION = "3. Identity topology";
    static final String LOGINS = "logins -> identities";
    static final String SNAPSHOTS = "snapshot updates";
    static final String PRELOAD = "preload: new extensions";
    private static final Duration BURST_TIMEOUT = Duration.ofMinutes(10);

    private final BenchKafka kafka;
    private final BenchOptions options;
    private final Workload workload;
    private final StreamsApp app;

    IdentityThroughput(BenchKafka kafka, BenchOptions options, Workload workload, StreamsApp app) {
        this.kafka = kafka;
        this.options = options;
        this.workload = workload;
        this.app = app;
    }

    /** Every account, then every extension; the figure is extensions per second. */
    Figure preload() throws InterruptedException {
        int count = workload.extensions();
        long nanos;
        try (KafkaProducer<String, AccountSnapshot> accounts = producer(Topics.ACCOUNTS);
             KafkaProducer<String, ExtensionSnapshot> extensions = producer(Topics.EXTENSIONS)) {
            nanos = app.burst(List.of(Topics.ACCOUNTS.name(), Topics.EXTENSIONS.name()), () -> {
                Records.sendAll(accounts, workload.accounts(), a -> account(workload.account(a)));
                Records.sendAll(extensions, count, i -> extension(workload.extension(i)));
            }, BURST_TIMEOUT);
        }
        double rate = Stats.perSecond(count, nanos);
        return Figure.info(SECTION, PRELOAD, rate, "records/s", List.of(rate), String.format(
                "%,d extensions over %,d accounts, once (%.1f s): versioned store, history rows, number index",
                count, workload.accounts(), nanos / 1e9));
    }

    Figure logins() throws InterruptedException {
        List<Double> samples = new ArrayList<>();
        try (KafkaProducer<String, LoginEvent> producer = producer(Topics.LOGINS)) {
            for (int rep = 0; rep < options.repetitions(); rep++) {
                samples.add(burst(Topics.LOGINS, producer, options.loginsPerRun(), () -> login(workload.nextLogin())));
            }
        }
        return Figure.info(SECTION, LOGINS, Stats.median(samples), "records/s", samples, String.format(
                "%,d logins per repetition: %.0f%% first logins of known extensions, %.0f%% unknown owners, %.0f%% repeats",
                options.loginsPerRun(), LoginMix.FIRST_KNOWN * 100, LoginMix.UNKNOWN * 100, LoginMix.REPEAT * 100));
    }

    Figure snapshots() throws InterruptedException {
        List<Double> samples = new ArrayList<>();
        try (KafkaProducer<String, ExtensionSnapshot> producer = producer(Topics.EXTENSIONS)) {
            for (int rep = 0; rep < options.repetitions(); rep++) {
                samples.add(burst(Topics.EXTENSIONS, producer, options.snapshotsPerRun(),
                        () -> extension(workload.nextChange())));
            }
        }
        return Figure.info(SECTION, SNAPSHOTS, Stats.median(samples), "records/s", samples, String.format(
                "%,d per repetition: 80%% new numbers of logged-in owners (identity + 2 history rows + number index), "
                        + "20%% first snapshots of unknown owners (resolution)", options.snapshotsPerRun()));
    }

    private <V> double burst(Topic<String, V> topic, KafkaProducer<String, V> producer, int count,
                             Supplier<ProducerRecord<String, V>> next) throws InterruptedException {
        long nanos = app.burst(List.of(topic.name()), () -> Records.sendAll(producer, count, i -> next.get()),
                BURST_TIMEOUT);
        return Stats.perSecond(count, nanos);
    }

    private <V> KafkaProducer<String, V> producer(Topic<String, V> topic) {
        return kafka.producer(topic.keySerde().serializer(), topic.valueSerde().serializer(), 5);
    }

    // Keyed by the record's id and timestamped with its event time, as the poller and the ingest endpoint write them.

    static ProducerRecord<String, LoginEvent> login(LoginEvent login) {
        return new ProducerRecord<>(Topics.LOGINS.name(), null, login.loggedInAt().toEpochMilli(), login.ownerId(), login);
    }

    static ProducerRecord<String, ExtensionSnapshot> extension(ExtensionSnapshot snapshot) {
        return new ProducerRecord<>(Topics.EXTENSIONS.name(), null, snapshot.observedAt().toEpochMilli(),
                snapshot.extensionId(), snapshot);
    }

    static ProducerRecord<String, AccountSnapshot> account(AccountSnapshot account) {
        return new ProducerRecord<>(Topics.ACCOUNTS.name(), null, account.observedAt().toEpochMilli(),
                account.accountId(), account);
    }
}
