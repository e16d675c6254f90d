package dev.rcidentity.query;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.kafka.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;

/** The races of reads against the stream thread's writes: a one-partition app over rc.logins.v1, and its input. */
final class RaceStreams {
    private RaceStreams() {
    }

    /** The app of {@code topology} on {@code kafka}, committing every 100 ms, its state under {@code dir}; not started. */
    static KafkaStreams of(KafkaTestCluster kafka, Path dir, String applicationId, StreamsBuilder topology) {
        Properties config = KafkaClients.of(Map.of("commit.interval.ms", "100"), kafka.bootstrapServers())
                .streams(new StreamsOptions(applicationId, dir.resolve("state"), "127.0.0.1:8080", 0));
        return new KafkaStreams(topology.build(config), config);
    }

    /** A topology that writes {@code store} once per record of rc.logins.v1, as {@code write} says. */
    static <S extends StateStore> StreamsBuilder writing(StoreBuilder<S> store, BiConsumer<S, Record<String, String>> write) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store);
        builder.stream(Topics.LOGINS.name(), Consumed.with(Serdes.String(), Serdes.String()).withName("race-source"))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private S state;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        state = context.getStateStore(store.name());
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        write.accept(state, record);
                    }
                }, Named.as("race-write"), store.name());
        return builder;
    }

    /** {@code records} records to rc.logins.v1, record i keyed {@code key-<i % keys>} and stamped {@code firstTime + i}. */
    static void produce(String bootstrapServers, int records, int keys, long firstTime) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all", "linger.ms", "5"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(Topics.LOGINS.name(), null, firstTime + i, "key-" + (i % keys), "x"));
            }
            producer.flush();
        }
    }
}
