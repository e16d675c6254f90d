package dev.rcidentity.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The Streams floor: a pass-through topology (source -> sink, bytes in, bytes out) with the production configuration
 * (exactly_once_v2, same partition count), measured the same way as the identity topology.
 */
final class StreamsFloor {
    static final String SECTION = "2. Streams floor";
    static final String NAME = "pass-through (exactly_once_v2)";

    private StreamsFloor() {
    }

    static Figure run(BenchKafka kafka, BenchOptions options, Workload workload, Path stateDir) throws Exception {
        byte[][] values = Records.valuePool(workload);
        List<Double> samples = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            String in = "bench.floor.streams.in." + rep;
            String out = "bench.floor.streams.out." + rep;
            kafka.createTopic(in);
            kafka.createTopic(out);
            Properties config = StreamsApp.config(kafka, "bench-pass-through-" + rep, stateDir, 0);
            try (StreamsApp app = StreamsApp.start(kafka, config, c -> passThrough(in, out, c), null);
                 KafkaProducer<byte[], byte[]> producer = kafka.producer(new ByteArraySerializer(),
                         new ByteArraySerializer(), 5)) {
                int count = options.streamsRecords();
                long nanos = app.burst(List.of(in), () -> Records.sendAll(producer, count,
                        i -> new ProducerRecord<>(in, Records.key(2_000_000_000L + i), values[i % values.length])),
                        Duration.ofMinutes(5));
                samples.add(Stats.perSecond(count, nanos));
            }
        }
        return Figure.info(SECTION, NAME, Stats.median(samples), "records/s", samples,
                options.streamsRecords() + " records per repetition, " + kafka.partitions() + " partitions");
    }

    private static org.apache.kafka.streams.Topology passThrough(String in, String out, Properties config) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("pass-through-source"))
                .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("pass-through-sink"));
        return builder.build(config);
    }
}
