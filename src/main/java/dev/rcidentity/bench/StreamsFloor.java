package dev.rcidentity.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The Streams floors, with the production configuration (exactly_once_v2, same partition count), measured the same
 * way as the identity topology: a pass-through (source -> sink, bytes in, bytes out), and the stateful floor, the
 * least a topology that keeps state per key can do: one persistent key-value store without a record cache, and per
 * record a get, a put and a forward.
 */
final class StreamsFloor {
    static final String SECTION = "2. Streams floor";
    static final String NAME = "pass-through (exactly_once_v2)";
    static final String STATEFUL = "stateful: get + put + forward";
    static final String STATEFUL_BYTES = "stateful: bytes written per record";
    private static final String STORE = "floor-store";

    /** The floors of one run: {@code bytesPerRecord} is the stateful floor's changelog and output bytes. */
    record Floors(Figure passThrough, Figure stateful, Figure bytesPerRecord) {
        List<Figure> all() {
            return List.of(passThrough, stateful, bytesPerRecord);
        }
    }

    private interface Shape {
        Topology build(String in, String out, Properties config);
    }

    private StreamsFloor() {
    }

    static Floors run(BenchKafka kafka, BenchOptions options, Workload workload, Path stateDir) throws Exception {
        byte[][] values = Records.valuePool(workload);
        List<Double> passThrough = new ArrayList<>();
        List<Double> stateful = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            passThrough.add(perSecond(measure(kafka, options, values, stateDir, "pass-through-" + rep,
                    StreamsFloor::passThrough), options));
            StreamsApp.Burst burst = measure(kafka, options, values, stateDir, "stateful-" + rep, StreamsFloor::stateful);
            stateful.add(perSecond(burst, options));
            bytes.add((double) burst.bytes() / options.streamsRecords());
        }
        String note = String.format("%,d records per repetition (%.0f bytes on average), %d partitions",
                options.streamsRecords(), Records.averageSize(values), kafka.partitions());
        Figure passThroughFigure = Figure.info(SECTION, NAME, Stats.median(passThrough), "records/s", passThrough, note);
        Figure statefulFigure = Figure.info(SECTION, STATEFUL, Stats.median(stateful), "records/s", stateful,
                        note + "; one RocksDB store, no record cache, its changelog and the output written")
                .relativeTo(passThroughFigure);
        Figure bytesFigure = Figure.info(SECTION, STATEFUL_BYTES, Stats.median(bytes), "bytes", bytes,
                "bytes appended to the changelog and the output topic per input record (lz4 batches)");
        return new Floors(passThroughFigure, statefulFigure, bytesFigure);
    }

    private static double perSecond(StreamsApp.Burst burst, BenchOptions options) {
        return Stats.perSecond(options.streamsRecords(), burst.nanos());
    }

    private static StreamsApp.Burst measure(BenchKafka kafka, BenchOptions options, byte[][] values, Path stateDir,
                                            String name, Shape shape) throws Exception {
        String in = "bench.floor." + name + ".in";
        String out = "bench.floor." + name + ".out";
        kafka.createTopic(in);
        kafka.createTopic(out);
        Properties config = StreamsApp.config(kafka, "bench-" + name, stateDir, 0);
        try (StreamsApp app = StreamsApp.start(kafka, config, c -> shape.build(in, out, c), null);
             KafkaProducer<byte[], byte[]> producer = kafka.producer(new ByteArraySerializer(),
                     new ByteArraySerializer(), 5)) {
            int count = options.streamsRecords();
            return app.burst(List.of(in), () -> Records.sendAll(producer, count,
                    i -> new ProducerRecord<>(in, Records.key(2_000_000_000L + i), values[i % values.length])),
                    Duration.ofMinutes(5));
        }
    }

    private static Topology passThrough(String in, String out, Properties config) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("pass-through-source"))
                .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("pass-through-sink"));
        return builder.build(config);
    }

    private static Topology stateful(String in, String out, Properties config) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.ByteArray(),
                Serdes.ByteArray()));
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("stateful-source"))
                .process(GetPutForward::new, Named.as("get-put-forward"), STORE)
                .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("stateful-sink"));
        return builder.build(config);
    }

    /** Reads the key's value, stores the new one, forwards it: one stateful decision per record. */
    private static final class GetPutForward implements Processor<byte[], byte[], byte[], byte[]> {
        private ProcessorContext<byte[], byte[]> context;
        private KeyValueStore<byte[], byte[]> store;

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            store.get(record.key());
            store.put(record.key(), record.value());
            context.forward(record);
        }
    }
}
