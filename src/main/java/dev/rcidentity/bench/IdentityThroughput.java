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
 * The throughput of an identity table builder (ours, or the DSL peer on copies of the input topics): the preload of
 * every account and extension, then bursts of logins drawn by the {@link LoginMix}, then bursts of extension changes.
 * Each comes with the bytes the application appended per input record.
 */
final class IdentityThroughput {
    static final String SECTION = "3. Identity topology";
    static final String LOGINS = "logins -> identities";
    static final String SNAPSHOTS = "snapshot updates";
    static final String PRELOAD = "preload: new extensions";
    private static final Duration BURST_TIMEOUT = Duration.ofMinutes(10);

    /** The input topics the measured application reads. */
    record InputTopics(String accounts, String extensions, String logins) {
        static final InputTopics PRODUCTION = new InputTopics(Topics.ACCOUNTS.name(), Topics.EXTENSIONS.name(),
                Topics.LOGINS.name());
    }

    /** A throughput figure and the bytes written per input record of the same bursts. */
    record Measured(Figure rate, Figure bytes) {
    }

    private final BenchKafka kafka;
    private final BenchOptions options;
    private final Workload workload;
    private final StreamsApp app;
    private final InputTopics topics;
    private final String section;

    IdentityThroughput(BenchKafka kafka, BenchOptions options, Workload workload, StreamsApp app, InputTopics topics,
                       String section) {
        this.kafka = kafka;
        this.options = options;
        this.workload = workload;
        this.app = app;
        this.topics = topics;
        this.section = section;
    }

    /** Every account, then every extension; the figure is extensions per second. */
    Measured preload() throws InterruptedException {
        int count = workload.extensions();
        StreamsApp.Burst burst;
        try (KafkaProducer<String, AccountSnapshot> accounts = producer(Topics.ACCOUNTS);
             KafkaProducer<String, ExtensionSnapshot> extensions = producer(Topics.EXTENSIONS)) {
            burst = app.burst(List.of(topics.accounts(), topics.extensions()), () -> {
                Records.sendAll(accounts, workload.accounts(), a -> account(topics.accounts(), workload.account(a)));
                Records.sendAll(extensions, count, i -> extension(topics.extensions(), workload.extension(i)));
            }, BURST_TIMEOUT);
        }
        double rate = Stats.perSecond(count, burst.nanos());
        double bytes = (double) burst.bytes() / count;
        return new Measured(Figure.info(section, PRELOAD, rate, "records/s", List.of(rate), String.format(
                "%,d extensions over %,d accounts, once (%.1f s)", count, workload.accounts(), burst.nanos() / 1e9)),
                bytesFigure("new extension", List.of(bytes)));
    }

    Measured logins() throws InterruptedException {
        return bursts(Topics.LOGINS, topics.logins(), options.loginsPerRun(), LOGINS, "login",
                () -> login(topics.logins(), workload.nextLogin()), String.format(
                "%,d logins per repetition: %.0f%% first logins of known extensions, %.0f%% unknown owners, %.0f%% repeats",
                options.loginsPerRun(), LoginMix.FIRST_KNOWN * 100, LoginMix.UNKNOWN * 100, LoginMix.REPEAT * 100));
    }

    Measured snapshots() throws InterruptedException {
        return bursts(Topics.EXTENSIONS, topics.extensions(), options.snapshotsPerRun(), SNAPSHOTS, "snapshot update",
                () -> extension(topics.extensions(), workload.nextChange()), String.format(
                "%,d per repetition: 80%% new numbers of logged-in owners, 20%% first snapshots of unknown owners "
                        + "(resolution)", options.snapshotsPerRun()));
    }

    private <V> Measured bursts(Topic<String, V> kind, String topic, int count, String name, String input,
                                Supplier<ProducerRecord<String, V>> next, String note)
            throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        try (KafkaProducer<String, V> producer = producer(kind)) {
            for (int rep = 0; rep < options.repetitions(); rep++) {
                StreamsApp.Burst burst = app.burst(List.of(topic),
                        () -> Records.sendAll(producer, count, i -> next.get()), BURST_TIMEOUT);
                rates.add(Stats.perSecond(count, burst.nanos()));
                bytes.add((double) burst.bytes() / count);
            }
        }
        return new Measured(Figure.info(section, name, Stats.median(rates), "records/s", rates, note),
                bytesFigure(input, bytes));
    }

    private Figure bytesFigure(String input, List<Double> samples) {
        return Figure.info(section, "bytes written per " + input, Stats.median(samples), "bytes", samples,
                "bytes appended to every topic but the inputs (changelogs, repartitions, outputs; lz4 batches)");
    }

    private <V> KafkaProducer<String, V> producer(Topic<String, V> topic) {
        return kafka.producer(topic.keySerde().serializer(), topic.valueSerde().serializer(), 5);
    }

    // Keyed by the record's id and timestamped with its event time, as the poller and the ingest endpoint write them.

    static ProducerRecord<String, LoginEvent> login(LoginEvent login) {
        return login(Topics.LOGINS.name(), login);
    }

    private static ProducerRecord<String, LoginEvent> login(String topic, LoginEvent login) {
        return new ProducerRecord<>(topic, null, login.loggedInAt().toEpochMilli(), login.ownerId(), login);
    }

    private static ProducerRecord<String, ExtensionSnapshot> extension(String topic, ExtensionSnapshot snapshot) {
        return new ProducerRecord<>(topic, null, snapshot.observedAt().toEpochMilli(), snapshot.extensionId(), snapshot);
    }

    private static ProducerRecord<String, AccountSnapshot> account(String topic, AccountSnapshot account) {
        return new ProducerRecord<>(topic, null, account.observedAt().toEpochMilli(), account.accountId(), account);
    }
}
